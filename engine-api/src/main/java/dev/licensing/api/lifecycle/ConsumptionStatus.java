package dev.licensing.api.lifecycle;

import dev.licensing.api.ConsumptionPeriod;

/** The consumption fields of a consumption license: its rules and the total of the current period. */
public record ConsumptionStatus(
        long maxConsumptions,
        long totalConsumptions,
        boolean allowUnlimitedConsumptions,
        boolean allowOverages,
        long maxOverages,
        boolean allowNegativeConsumptions,
        boolean resetConsumption,
        ConsumptionPeriod consumptionPeriod) {
}
