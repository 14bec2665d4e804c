package dev.licensing.core.internal.rules;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.FeatureProperties;
import dev.licensing.api.LicenseProperties;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

/**
 * Numeric limits given in a request: counts are never negative, except {@code max_transfers: -1}, which means no limit
 * (DESIGN §3); a floating time-out is at least one minute.
 */
public final class Counts {
    private Counts() {
    }

    /** Checks the counts a license request gives; {@code path} is the license's JSON path. */
    public static void check(LicenseProperties given, FieldPath path, Problems violations) {
        atLeast(0, given.maxActivations(), path, "max_activations", violations);
        atLeast(0, given.maxBorrowTime(), path, "max_borrow_time", violations);
        atLeast(0, given.floatingUsers(), path, "floating_users", violations);
        atLeast(0, given.trialDays(), path, "trial_days", violations);
        atLeast(0, given.gracePeriod(), path, "grace_period", violations);
        atLeast(0, given.maxConsumptions(), path, "max_consumptions", violations);
        atLeast(0, given.maxOverages(), path, "max_overages", violations);
        atLeast(0, given.maxLicenseUsers(), path, "max_license_users", violations);
        atLeast(-1, given.maxTransfers(), path, "max_transfers", violations);
        atLeast(1, given.floatingTimeout(), path, "floating_timeout", violations);
    }

    /** Checks the counts a feature request overrides; {@code path} is the feature's JSON path. */
    public static void check(FeatureProperties given, FieldPath path, Problems violations) {
        atLeast(0, given.maxConsumption(), path, "max_consumption", violations);
        atLeast(0, given.maxOverages(), path, "max_overages", violations);
        atLeast(0, given.floatingUsers(), path, "floating_users", violations);
        atLeast(1, given.floatingTimeout(), path, "floating_timeout", violations);
    }

    /** Checks a user's own {@code max_activations}; {@code path} is the user's JSON path. */
    public static void checkUserActivations(Integer maxActivations, FieldPath path, Problems violations) {
        atLeast(0, maxActivations, path, "max_activations", violations);
    }

    private static void atLeast(long min, Number value, FieldPath path, String name, Problems violations) {
        if (value != null && value.longValue() < min) {
            String meaning = min == -1 ? " (-1 means no limit)" : "";
            violations.add(ErrorCode.VALIDATION_ERROR, path.field(name),
                    name + " must be at least " + min + meaning + ", got " + value);
        }
    }
}
