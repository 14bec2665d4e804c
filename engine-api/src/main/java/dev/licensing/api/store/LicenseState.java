package dev.licensing.api.store;

import java.time.Instant;

/**
 * What the lifecycle keeps of a license beside its properties. The ends are fixed at the first activation and never
 * move; the last activation and deactivation are event ids (they grow), so "after" holds under a fixed clock too.
 *
 * @param firstActivatedAt         the first successful activation's clock, or {@code null} before it
 * @param validityEnd              the license's end fixed at the first activation, or {@code null} for none
 * @param maintenanceEnd           the end of maintenance fixed at the first activation, or {@code null}
 * @param active                   whether the license was ever activated ({@code license_active})
 * @param lastActivationEvent      the id of the last activation event, 0 for none
 * @param lastDeactivationEvent    the id of the last deactivation event, 0 for none
 * @param lastDeactivatedHardwareId the device of the last deactivation, or {@code null}
 */
public record LicenseState(
        long licenseId,
        Instant firstActivatedAt,
        Instant validityEnd,
        Instant maintenanceEnd,
        boolean active,
        int transferCount,
        long lastActivationEvent,
        long lastDeactivationEvent,
        String lastDeactivatedHardwareId) {

    /** The state of a license no one has activated yet. */
    public static LicenseState initial(long licenseId) {
        return new LicenseState(licenseId, null, null, null, false, 0, 0, 0, null);
    }
}
