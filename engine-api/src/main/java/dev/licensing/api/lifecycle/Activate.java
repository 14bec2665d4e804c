package dev.licensing.api.lifecycle;

import java.util.Objects;

/**
 * Binds {@code hardwareId} to the license. {@code password} is required for a {@link LicenseRef.User} and ignored for a
 * key; {@code vm} says the device is a virtual machine (refused under {@code prevent_vm}).
 */
public record Activate(LicenseRef license, String hardwareId, String password, boolean vm) {
    public Activate {
        Objects.requireNonNull(license, "license");
    }
}
