package dev.licensing.core.internal.lifecycle;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicensingError;
import dev.licensing.api.lifecycle.LicenseRejectedException;

/** Builds the one error a lifecycle refusal carries. */
final class Refusal {
    private Refusal() {
    }

    static LicenseRejectedException of(ErrorCode code, String message) {
        return new LicenseRejectedException(new LicensingError(code, message, null));
    }

    static LicenseRejectedException at(ErrorCode code, String field, String message) {
        return new LicenseRejectedException(new LicensingError(code, message, field));
    }
}
