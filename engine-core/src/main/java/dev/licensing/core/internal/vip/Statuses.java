package dev.licensing.core.internal.vip;

/** Adobe's status codes of orders, lines and subscriptions. */
final class Statuses {
    /** Order complete, subscription active. */
    static final String ACTIVE = "1000";
    /** Order open: what Create answers. */
    static final String PENDING = "1002";
    /** Subscription inactive (returned to 0, or expired by the renewal run), order failed. */
    static final String INACTIVE = "1004";
    /** Order or line cancelled (returned). */
    static final String CANCELLED = "1008";
    /** Order failed: the customer is inactive. */
    static final String CUSTOMER_INACTIVE = "1024";

    private Statuses() {
    }
}
