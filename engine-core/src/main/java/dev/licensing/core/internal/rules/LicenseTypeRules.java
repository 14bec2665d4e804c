package dev.licensing.core.internal.rules;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseType;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a license's resolved type and options require of each other: a time-limited license needs a duration or a
 * period, a consumption license a limit, a reset a period, maintenance a duration or a period, a floating server a
 * local license, floating users no more than the activations (unless these are unlimited); the page's "only for consumption licenses" fields given for another type are errors (DESIGN §3).
 */
public final class LicenseTypeRules {
    private LicenseTypeRules() {
    }

    /**
     * @param given    the license's own properties, as the request gives them
     * @param resolved the license's properties after resolution
     * @param path     the license's JSON path, {@code items[0].licenses[1]}
     */
    public static void check(LicenseProperties given, LicenseProperties resolved, FieldPath path, Problems violations) {
        LicenseType type = resolved.licenseType();
        if (type == LicenseType.TIME_LIMITED && resolved.validDuration() == null && resolved.validityPeriod() == null) {
            violations.add(ErrorCode.VALIDATION_ERROR, path.field("valid_duration"),
                    "a time-limited license needs valid_duration or validity_period");
        }
        if (type == LicenseType.CONSUMPTION) {
            if (resolved.maxConsumptions() == null && !Boolean.TRUE.equals(resolved.allowUnlimitedConsumptions())) {
                violations.add(ErrorCode.VALIDATION_ERROR, path.field("max_consumptions"),
                        "a consumption license needs max_consumptions (from the license, its policy or its product)"
                                + " unless allow_unlimited_consumptions");
            }
            if (Boolean.TRUE.equals(resolved.resetConsumption()) && resolved.consumptionPeriod() == null) {
                violations.add(ErrorCode.VALIDATION_ERROR, path.field("reset_consumption"),
                        "reset_consumption needs a consumption_period");
            }
        } else {
            consumptionOnlyFields(given).forEach((name, value) -> {
                if (value != null) {
                    violations.add(ErrorCode.VALIDATION_ERROR, path.field(name),
                            name + " applies only to consumption licenses, and this one is " + type.wire());
                }
            });
        }
        if (Boolean.TRUE.equals(resolved.enableMaintenancePeriod())
                && resolved.maintenanceDuration() == null && resolved.maintenancePeriod() == null) {
            violations.add(ErrorCode.VALIDATION_ERROR, path.field("maintenance_duration"),
                    "enable_maintenance_period needs maintenance_duration or maintenance_period");
        }
        if (resolved.floatingUsers() != null && resolved.maxActivations() != null
                && !Boolean.TRUE.equals(resolved.allowUnlimitedActivations())
                && resolved.floatingUsers() > resolved.maxActivations()) {
            violations.add(ErrorCode.VALIDATION_ERROR, path.field("floating_users"), "floating_users "
                    + resolved.floatingUsers() + " is above max_activations " + resolved.maxActivations()
                    + ": a floating seat is an activation");
        }
        if (given.floatingServerId() != null && !Boolean.TRUE.equals(resolved.isLocalLicense())) {
            violations.add(ErrorCode.VALIDATION_ERROR, path.field("floating_server_id"),
                    "floating_server_id applies only to local licenses (is_local_license true)");
        }
    }

    private static Map<String, Object> consumptionOnlyFields(LicenseProperties given) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("allow_overages", given.allowOverages());
        fields.put("max_overages", given.maxOverages());
        fields.put("reset_consumption", given.resetConsumption());
        fields.put("consumption_period", given.consumptionPeriod());
        fields.put("allow_negative_consumptions", given.allowNegativeConsumptions());
        fields.put("allow_unlimited_consumptions", given.allowUnlimitedConsumptions());
        return fields;
    }
}
