package dev.licensing.api;

/**
 * The overridable properties of a product feature on a license (the page's long-form {@code ProductFeature}, less its
 * {@code code}). Serves as the catalog's defaults for a feature, a request's overrides, and the resolved values on a
 * license. {@code null} means "not given at this layer". {@code metadata} is a serialized JSON object.
 */
public record FeatureProperties(
        Long maxConsumption,
        Boolean allowOverages,
        Long maxOverages,
        Boolean allowUnlimitedConsumptions,
        Boolean allowNegativeConsumptions,
        Boolean resetConsumption,
        ConsumptionPeriod consumptionPeriod,
        String expiryDate,
        Integer floatingTimeout,
        Integer floatingUsers,
        Boolean isFloating,
        Boolean isFloatingCloud,
        String metadata) {

    /** No property given. */
    public static final FeatureProperties NONE =
            new FeatureProperties(null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** This layer with every property that {@code over} gives replaced by {@code over}'s value. */
    public FeatureProperties overriddenBy(FeatureProperties over) {
        // Identity, not equals(): a record equals over every component costs more than the merge it would save.
        if (over == null || over == NONE) {
            return this;
        }
        return new FeatureProperties(
                pick(over.maxConsumption, maxConsumption),
                pick(over.allowOverages, allowOverages),
                pick(over.maxOverages, maxOverages),
                pick(over.allowUnlimitedConsumptions, allowUnlimitedConsumptions),
                pick(over.allowNegativeConsumptions, allowNegativeConsumptions),
                pick(over.resetConsumption, resetConsumption),
                pick(over.consumptionPeriod, consumptionPeriod),
                pick(over.expiryDate, expiryDate),
                pick(over.floatingTimeout, floatingTimeout),
                pick(over.floatingUsers, floatingUsers),
                pick(over.isFloating, isFloating),
                pick(over.isFloatingCloud, isFloatingCloud),
                pick(over.metadata, metadata));
    }

    private static <T> T pick(T over, T under) {
        return over != null ? over : under;
    }
}
