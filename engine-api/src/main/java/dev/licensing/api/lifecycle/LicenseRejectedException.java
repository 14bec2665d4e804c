package dev.licensing.api.lifecycle;

import dev.licensing.api.LicensingError;

import java.util.Objects;

/**
 * A lifecycle operation the license's rules refuse; nothing was written. Carries the first rule broken, in the order
 * of {@code design/lifecycle.md}: a lifecycle answer names one reason, as LicenseSpring's License API does.
 */
public final class LicenseRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient LicensingError error;

    public LicenseRejectedException(LicensingError error) {
        super(Objects.requireNonNull(error, "error").code().code() + ": "
                + (error.field() == null ? "" : error.field() + ": ") + error.message(), null, false, false);
        this.error = error;
    }

    public LicensingError error() {
        return error;
    }
}
