package dev.licensing.api;

/** How a product's licenses are authorized: by a license key or by user credentials. */
public enum AuthorizationMethod {
    LICENSE_KEY("license-key"),
    USER("user");

    private final String wire;

    AuthorizationMethod(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The method named {@code value}, or {@code null} when there is none. */
    public static AuthorizationMethod fromWire(String value) {
        for (AuthorizationMethod method : values()) {
            if (method.wire.equals(value)) {
                return method;
            }
        }
        return null;
    }
}
