package dev.licensing.api.lifecycle;

import java.util.Objects;

/** Frees the device's floating seat (borrowed or not); a device that holds none is left as it is. */
public record Release(LicenseRef license, String hardwareId) {
    public Release {
        Objects.requireNonNull(license, "license");
    }
}
