package dev.licensing.api;

import dev.licensing.api.LicenseProperty.Declared;

import java.lang.invoke.MethodHandle;

import static dev.licensing.api.LicenseType.CONSUMPTION;
import static dev.licensing.api.LicenseType.SUBSCRIPTION;

/**
 * The overridable properties of a license (the page's {@code LicenseOptional}, less the references, notes, features and
 * custom fields). One record serves every layer of property resolution: engine defaults, product defaults, a policy,
 * order- and item-level fields, the license's own fields, and the resolved result. {@code null} means "not given at this
 * layer"; {@link #overriddenBy(LicenseProperties)} stacks the layers, the later one winning field by field.
 *
 * <p>Each component is the one declaration of its property ({@link Declared}): the engine default, the response's
 * rules and the wire name all come from it, for every module ({@link LicenseProperty#all()}).
 *
 * <p>Durations and dates are kept as the strings given (DESIGN §3: values are stored and returned as given); the engine
 * checks them before a license is written.
 */
public record LicenseProperties(
        @Declared(engineDefault = "false") Boolean active,
        @Declared(engineDefault = "true") Boolean enabled,
        @Declared(engineDefault = "perpetual") LicenseType licenseType,
        @Declared(engineDefault = "1") Integer maxActivations,
        @Declared(engineDefault = "false") Boolean allowUnlimitedActivations,
        @Declared String validDuration,
        @Declared String validityPeriod,
        @Declared String startDate,
        @Declared(engineDefault = "120") Integer floatingTimeout,
        @Declared(engineDefault = "0") Integer maxTransfers,
        @Declared(engineDefault = "false") Boolean canBorrow,
        @Declared(engineDefault = "0") Integer maxBorrowTime,
        @Declared(engineDefault = "false") Boolean isAirGapped,
        @Declared(engineDefault = "", textOrNumber = true) String subscriptionId,
        @Declared(engineDefault = "false") Boolean enableMaintenancePeriod,
        @Declared String maintenanceDuration,
        @Declared String maintenancePeriod,
        @Declared(engineDefault = "false") Boolean isFloatingCloud,
        @Declared(engineDefault = "false") Boolean isFloating,
        @Declared(engineDefault = "0") Integer floatingUsers,
        @Declared(engineDefault = "false") Boolean isLocalLicense,
        @Declared(responseName = "floating_server") Long floatingServerId,
        @Declared(engineDefault = "false") Boolean isTrial,
        @Declared(engineDefault = "0") Integer trialDays,
        @Declared(engineDefault = "false") Boolean preventVm,
        @Declared(engineDefault = "false") Boolean isHardwareKeyAuth,
        @Declared(engineDefault = "false", onlyFor = SUBSCRIPTION) Boolean allowGracePeriod,
        @Declared(engineDefault = "0", onlyFor = SUBSCRIPTION) Integer gracePeriod,
        @Declared(onlyFor = CONSUMPTION, shownIfAbsent = "0") Long maxConsumptions,
        @Declared(engineDefault = "false", onlyFor = CONSUMPTION) Boolean allowOverages,
        @Declared(engineDefault = "0", onlyFor = CONSUMPTION) Long maxOverages,
        @Declared(engineDefault = "false", onlyFor = CONSUMPTION) Boolean resetConsumption,
        @Declared(onlyFor = CONSUMPTION) ConsumptionPeriod consumptionPeriod,
        @Declared(engineDefault = "false", onlyFor = CONSUMPTION) Boolean allowNegativeConsumptions,
        @Declared(engineDefault = "false", onlyFor = CONSUMPTION) Boolean allowUnlimitedConsumptions,
        @Declared(shownIfAbsent = "0") Integer maxLicenseUsers) {

    /** No property given. */
    public static final LicenseProperties NONE = LicenseProperty.build(property -> null);

    private static final MethodHandle OVERRIDE = LicenseProperty.overrideHandle();

    /** This layer with every property that {@code over} gives replaced by {@code over}'s value. */
    public LicenseProperties overriddenBy(LicenseProperties over) {
        // Identity, not equals(): a record equals over every component costs more than the merge it would save.
        if (over == null || over == NONE) {
            return this;
        }
        try {
            return (LicenseProperties) OVERRIDE.invokeExact(over, this);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
