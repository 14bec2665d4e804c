package dev.licensing.api;

/**
 * The overridable properties of a license (the page's {@code LicenseOptional}, less the references, notes, features and
 * custom fields). One record serves every layer of property resolution: engine defaults, product defaults, a policy,
 * order- and item-level fields, the license's own fields, and the resolved result. {@code null} means "not given at this
 * layer"; {@link #overriddenBy(LicenseProperties)} stacks the layers, the later one winning field by field.
 *
 * <p>Durations and dates are kept as the strings given (DESIGN §3: values are stored and returned as given); the engine
 * checks them before a license is written.
 */
public record LicenseProperties(
        Boolean active,
        Boolean enabled,
        LicenseType licenseType,
        Integer maxActivations,
        Boolean allowUnlimitedActivations,
        String validDuration,
        String validityPeriod,
        String startDate,
        Integer floatingTimeout,
        Integer maxTransfers,
        Boolean canBorrow,
        Integer maxBorrowTime,
        Boolean isAirGapped,
        String subscriptionId,
        Boolean enableMaintenancePeriod,
        String maintenanceDuration,
        String maintenancePeriod,
        Boolean isFloatingCloud,
        Boolean isFloating,
        Integer floatingUsers,
        Boolean isLocalLicense,
        Long floatingServerId,
        Boolean isTrial,
        Integer trialDays,
        Boolean preventVm,
        Boolean isHardwareKeyAuth,
        Boolean allowGracePeriod,
        Integer gracePeriod,
        Long maxConsumptions,
        Boolean allowOverages,
        Long maxOverages,
        Boolean resetConsumption,
        ConsumptionPeriod consumptionPeriod,
        Boolean allowNegativeConsumptions,
        Boolean allowUnlimitedConsumptions,
        Integer maxLicenseUsers) {

    /** No property given. */
    public static final LicenseProperties NONE = new LicenseProperties(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null);

    /** This layer with every property that {@code over} gives replaced by {@code over}'s value. */
    public LicenseProperties overriddenBy(LicenseProperties over) {
        // Identity, not equals(): a record equals over every component costs more than the merge it would save.
        if (over == null || over == NONE) {
            return this;
        }
        return new LicenseProperties(
                pick(over.active, active),
                pick(over.enabled, enabled),
                pick(over.licenseType, licenseType),
                pick(over.maxActivations, maxActivations),
                pick(over.allowUnlimitedActivations, allowUnlimitedActivations),
                pick(over.validDuration, validDuration),
                pick(over.validityPeriod, validityPeriod),
                pick(over.startDate, startDate),
                pick(over.floatingTimeout, floatingTimeout),
                pick(over.maxTransfers, maxTransfers),
                pick(over.canBorrow, canBorrow),
                pick(over.maxBorrowTime, maxBorrowTime),
                pick(over.isAirGapped, isAirGapped),
                pick(over.subscriptionId, subscriptionId),
                pick(over.enableMaintenancePeriod, enableMaintenancePeriod),
                pick(over.maintenanceDuration, maintenanceDuration),
                pick(over.maintenancePeriod, maintenancePeriod),
                pick(over.isFloatingCloud, isFloatingCloud),
                pick(over.isFloating, isFloating),
                pick(over.floatingUsers, floatingUsers),
                pick(over.isLocalLicense, isLocalLicense),
                pick(over.floatingServerId, floatingServerId),
                pick(over.isTrial, isTrial),
                pick(over.trialDays, trialDays),
                pick(over.preventVm, preventVm),
                pick(over.isHardwareKeyAuth, isHardwareKeyAuth),
                pick(over.allowGracePeriod, allowGracePeriod),
                pick(over.gracePeriod, gracePeriod),
                pick(over.maxConsumptions, maxConsumptions),
                pick(over.allowOverages, allowOverages),
                pick(over.maxOverages, maxOverages),
                pick(over.resetConsumption, resetConsumption),
                pick(over.consumptionPeriod, consumptionPeriod),
                pick(over.allowNegativeConsumptions, allowNegativeConsumptions),
                pick(over.allowUnlimitedConsumptions, allowUnlimitedConsumptions),
                pick(over.maxLicenseUsers, maxLicenseUsers));
    }

    private static <T> T pick(T over, T under) {
        return over != null ? over : under;
    }
}
