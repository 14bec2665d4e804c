package dev.licensing.api;

import java.util.Objects;

/**
 * One violation: a stable {@link ErrorCode}, a human message, and the JSON path of the field at fault
 * ({@code items[0].licenses[2].valid_duration}), or {@code null} when no single field is.
 */
public record LicensingError(ErrorCode code, String message, String field) {
    public LicensingError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
