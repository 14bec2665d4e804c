package dev.licensing.api.vip;

import java.util.Objects;

/** A VIP Marketplace request the engine refused (Adobe's code, message, details and HTTP status). */
public final class VipRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient VipError error;

    public VipRejectedException(VipError error) {
        super(Objects.requireNonNull(error, "error").code() + ": " + error.message()
                + (error.additionalDetails().isEmpty() ? "" : " " + error.additionalDetails()), null, false, false);
        this.error = error;
    }

    public VipError error() {
        return error;
    }

    public int httpStatus() {
        return error.httpStatus();
    }
}
