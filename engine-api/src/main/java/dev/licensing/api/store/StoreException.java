package dev.licensing.api.store;

/** The store failed: I/O, a corrupt or foreign file, a lock time-out, a closed store, or a broken uniqueness rule. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
