package dev.licensing.api;

/** The page's {@code LicenseTypes}. */
public enum LicenseType {
    PERPETUAL("perpetual"),
    TIME_LIMITED("time-limited"),
    CONSUMPTION("consumption"),
    SUBSCRIPTION("subscription");

    private final String wire;

    LicenseType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The type whose wire name is {@code value}, or {@code null} when there is none. */
    public static LicenseType fromWire(String value) {
        for (LicenseType type : values()) {
            if (type.wire.equals(value)) {
                return type;
            }
        }
        return null;
    }
}
