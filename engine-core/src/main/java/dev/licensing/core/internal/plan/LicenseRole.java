package dev.licensing.core.internal.plan;

/** A license's place in its item, which decides what authorizes it and how it is written. */
public enum LicenseRole {
    /** A license of a plain order: authorized by its own key or users. */
    STANDALONE,
    /** The bundle license of a bundle order item: authorized by the item's key or users. */
    BUNDLE,
    /** A license for a product of the bundle: authorized through its item's bundle license, so no key or users. */
    SUB_LICENSE
}
