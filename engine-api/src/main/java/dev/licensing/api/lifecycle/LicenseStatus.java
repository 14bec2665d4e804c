package dev.licensing.api.lifecycle;

import dev.licensing.api.LicenseType;

import java.time.Instant;
import java.util.List;

/**
 * What every lifecycle operation answers: the license as the device that asked sees it after the operation, in the
 * License API's terms ({@code design/lifecycle.md}).
 *
 * @param licenseKey        the key of a key-based license, else {@code null}
 * @param user              the email of the user who asked, for a user-based license, else {@code null}
 * @param validityPeriod    the effective end (grace not included), or {@code null} when none is fixed
 * @param maintenancePeriod the effective end of maintenance, or {@code null}
 * @param startDate         the license's {@code start_date} as given, or {@code null}
 * @param consumption       the consumption fields, on a consumption license only, else {@code null}
 * @param floatingPeriod    the end of this device's floating seat, or {@code null} when it holds none
 * @param borrowedUntil     the end of this device's borrowing, or {@code null}
 * @param replayed          a consumption retried with a request id already applied: nothing changed
 */
public record LicenseStatus(
        long licenseId,
        String product,
        String licenseKey,
        String user,
        String hardwareId,
        LicenseType licenseType,
        boolean enabled,
        boolean active,
        boolean trial,
        boolean expired,
        Instant validityPeriod,
        Instant maintenancePeriod,
        String startDate,
        int timesActivated,
        int maxActivations,
        boolean allowUnlimitedActivations,
        int transferCount,
        int maxTransfers,
        ConsumptionStatus consumption,
        List<FeatureStatus> features,
        boolean floating,
        boolean floatingCloud,
        int floatingTimeout,
        int floatingUsers,
        int floatingInUseDevices,
        Instant floatingPeriod,
        boolean borrowed,
        Instant borrowedUntil,
        boolean replayed) {

    public LicenseStatus {
        features = features == null ? List.of() : List.copyOf(features);
    }

    /** The same status marked as the answer to a replayed request. */
    public LicenseStatus asReplayed() {
        return new LicenseStatus(licenseId, product, licenseKey, user, hardwareId, licenseType, enabled, active, trial,
                expired, validityPeriod, maintenancePeriod, startDate, timesActivated, maxActivations,
                allowUnlimitedActivations, transferCount, maxTransfers, consumption, features, floating, floatingCloud,
                floatingTimeout, floatingUsers, floatingInUseDevices, floatingPeriod, borrowed, borrowedUntil, true);
    }
}
