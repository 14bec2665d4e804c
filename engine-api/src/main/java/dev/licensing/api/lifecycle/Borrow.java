package dev.licensing.api.lifecycle;

import java.time.Instant;
import java.util.Objects;

/** Holds the device's floating seat until {@code until}; {@code null} means the longest the license allows. */
public record Borrow(LicenseRef license, String hardwareId, Instant until) {
    public Borrow {
        Objects.requireNonNull(license, "license");
    }
}
