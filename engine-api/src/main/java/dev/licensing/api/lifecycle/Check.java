package dev.licensing.api.lifecycle;

import java.util.Objects;

/**
 * Validates an activated device; on a floating license it takes or renews the device's seat. Expired features are
 * listed only with {@code includeExpiredFeatures}.
 */
public record Check(LicenseRef license, String hardwareId, boolean includeExpiredFeatures) {
    public Check {
        Objects.requireNonNull(license, "license");
    }
}
