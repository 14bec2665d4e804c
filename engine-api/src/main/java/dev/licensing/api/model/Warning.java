package dev.licensing.api.model;

/**
 * Something the engine accepted but ignored: a field unknown to the request type (with the option to ignore those),
 * named by its path; or, with {@code field} {@link #REPLAYED}, a whole request answered again under its idempotency key.
 */
public record Warning(String field, String message) {
    /** The field of the warning of a replayed request: nothing was written, the first response is answered again. */
    public static final String REPLAYED = "replayed";

    /** Whether this warning says that the request was a retry, answered with its first response. */
    public boolean replayed() {
        return REPLAYED.equals(field);
    }
}
