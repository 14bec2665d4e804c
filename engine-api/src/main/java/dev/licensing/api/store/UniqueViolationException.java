package dev.licensing.api.store;

/** A write broke one of the store's uniqueness rules; the transaction must roll back. */
public final class UniqueViolationException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** Which rule. */
    public enum Kind { ORDER_ID, LICENSE_KEY, USER_EMAIL, CUSTOMER_EMAIL }

    private final Kind kind;
    private final String value;

    public UniqueViolationException(Kind kind, String company, String value) {
        super(kind + " '" + value + "' is taken in company '" + company + "'", null);
        this.kind = kind;
        this.value = value;
    }

    public Kind kind() {
        return kind;
    }

    /** The taken value, as the write gave it (or its email key, for emails, when the store cannot tell). */
    public String value() {
        return value;
    }
}
