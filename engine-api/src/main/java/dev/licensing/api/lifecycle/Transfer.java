package dev.licensing.api.lifecycle;

import java.util.Objects;

/** Deactivates {@code fromHardwareId} and activates {@code hardwareId} in one transaction: both or neither. */
public record Transfer(LicenseRef license, String fromHardwareId, String hardwareId) {
    public Transfer {
        Objects.requireNonNull(license, "license");
    }
}
