package dev.licensing.api.lifecycle;

import java.util.Objects;

/**
 * Adds {@code consumptions} (non-zero; negative only where allowed) to the license's consumption, or to
 * {@code feature}'s when it is not {@code null}. A non-null {@code requestId} (1 to 255 characters, scoped to the
 * license) makes a retry of the same request answer without consuming again.
 */
public record Consume(LicenseRef license, String hardwareId, String feature, long consumptions, String requestId) {
    public Consume {
        Objects.requireNonNull(license, "license");
    }
}
