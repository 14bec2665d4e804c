package dev.licensing.core.internal.rules;

/** {@code order_type}: the page lists one value, {@code normal}; an order that gives none has none. */
public final class OrderTypes {
    public static final String NORMAL = "normal";

    private OrderTypes() {
    }

    /** Whether {@code type} (given) is an order type the engine knows. */
    public static boolean isKnown(String type) {
        return NORMAL.equals(type);
    }

    /** Why {@code type} is refused. */
    public static String refusal(String type) {
        return "order_type '" + type + "' is not one of: " + NORMAL;
    }
}
