package dev.licensing.api;

/** A custom field's {@code data_type}. The page's {@code numer} is read as {@link #NUMBER} (DESIGN §3). */
public enum CustomFieldType {
    NUMBER("number"),
    TEXT("text"),
    DATE_TIME("date/time");

    private final String wire;

    CustomFieldType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The type named {@code value} ({@code numer} included), or {@code null} when there is none. */
    public static CustomFieldType fromWire(String value) {
        if ("numer".equals(value)) {
            return NUMBER;
        }
        for (CustomFieldType type : values()) {
            if (type.wire.equals(value)) {
                return type;
            }
        }
        return null;
    }
}
