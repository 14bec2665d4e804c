package dev.licensing.api.lifecycle;

import java.util.Objects;

/** Unbinds an active device and frees its seat. */
public record Deactivate(LicenseRef license, String hardwareId) {
    public Deactivate {
        Objects.requireNonNull(license, "license");
    }
}
