package dev.licensing.benchmarks;

/** The one thing wrong with a bad line, each a rejection the engine must report without taking neighbours down. */
public enum Defect {
    /** A license's {@code valid_duration} is {@code "1x"}: no such unit. */
    BAD_DURATION,
    /** An item names a product the catalog does not have. */
    UNKNOWN_PRODUCT,
    /** A license gives a key that an earlier good line already gave. */
    DUPLICATE_KEY,
    /** A license says {@code max_activation}, a field that does not exist, instead of {@code max_activations}. */
    TYPO_FIELD
}
