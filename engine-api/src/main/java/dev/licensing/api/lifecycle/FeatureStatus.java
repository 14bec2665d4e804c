package dev.licensing.api.lifecycle;

import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.model.LicenseFeature;

/**
 * A feature of the license as a client sees it: its rules and its consumption in the current period.
 *
 * @param expired whether its {@code expiry_date} has passed (a date alone: through that day)
 */
public record FeatureStatus(
        long id,
        String code,
        String name,
        String expiryDate,
        boolean expired,
        boolean consumption,
        long maxConsumption,
        boolean allowUnlimitedConsumptions,
        boolean allowOverages,
        long maxOverages,
        boolean allowNegativeConsumptions,
        boolean resetConsumption,
        ConsumptionPeriod consumptionPeriod,
        long totalConsumptions) {

    /** The status of {@code feature} with {@code total} consumed in the current period. */
    public static FeatureStatus of(LicenseFeature feature, boolean expired, boolean consumption, long total) {
        var p = feature.properties();
        return new FeatureStatus(feature.id(), feature.code(), feature.name(), p.expiryDate(), expired, consumption,
                value(p.maxConsumption()), Boolean.TRUE.equals(p.allowUnlimitedConsumptions()),
                Boolean.TRUE.equals(p.allowOverages()), value(p.maxOverages()),
                Boolean.TRUE.equals(p.allowNegativeConsumptions()), Boolean.TRUE.equals(p.resetConsumption()),
                p.consumptionPeriod(), total);
    }

    private static long value(Long number) {
        return number == null ? 0 : number;
    }
}
