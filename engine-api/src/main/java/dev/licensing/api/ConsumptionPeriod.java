package dev.licensing.api;

/** How often consumption is reset: the page's {@code consumption_period}. */
public enum ConsumptionPeriod {
    DAILY("daily"),
    WEEKLY("weekly"),
    MONTHLY("monthly"),
    ANNUALLY("annually");

    private final String wire;

    ConsumptionPeriod(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The period whose wire name is {@code value}, or {@code null} when there is none. */
    public static ConsumptionPeriod fromWire(String value) {
        for (ConsumptionPeriod period : values()) {
            if (period.wire.equals(value)) {
                return period;
            }
        }
        return null;
    }
}
