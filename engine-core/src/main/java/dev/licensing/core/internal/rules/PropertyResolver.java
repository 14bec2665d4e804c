package dev.licensing.core.internal.rules;

import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseType;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.order.ItemRequest;

/**
 * Property resolution (DESIGN §3), lowest first: engine defaults < product defaults < policy < order-level
 * {@code prevent_vm} < item-level {@code active} and {@code subscription_id} < the license's own properties.
 */
public final class PropertyResolver {

    /**
     * What a license gets when no layer says otherwise: the page's example response. The nullable properties (durations,
     * dates, consumption limits, the floating server, max license users) stay null.
     */
    public static final LicenseProperties ENGINE_DEFAULTS = new LicenseProperties(
            false, true, LicenseType.PERPETUAL, 1, false, null, null, null, 120, 0, false, 0, false, "", false, null,
            null, false, false, 0, false, null, false, 0, false, false, false, 0, null, false, 0L, false, null, false,
            false, null);

    private PropertyResolver() {
    }

    /** @param policy the applied policy, or {@code null} */
    public static LicenseProperties resolve(Product product, Policy policy, Boolean orderPreventVm, ItemRequest item,
                                            LicenseProperties license) {
        LicenseProperties resolved = ENGINE_DEFAULTS.overriddenBy(product.defaults());
        if (policy != null) {
            resolved = resolved.overriddenBy(policy.properties());
        }
        return resolved
                .overriddenBy(orderAndItemLevel(orderPreventVm, item))
                .overriddenBy(license);
    }

    /**
     * The order's {@code prevent_vm} and the item's {@code active} and {@code subscription_id} as one layer: the two
     * levels set disjoint fields, so stacking them in one record keeps their order.
     */
    private static LicenseProperties orderAndItemLevel(Boolean preventVm, ItemRequest item) {
        LicenseProperties n = LicenseProperties.NONE;
        if (preventVm == null && item.active() == null && item.subscriptionId() == null) {
            return n; // most licenses: an empty layer, which overriddenBy skips without a merge
        }
        return new LicenseProperties(item.active(), n.enabled(), n.licenseType(), n.maxActivations(),
                n.allowUnlimitedActivations(), n.validDuration(), n.validityPeriod(), n.startDate(), n.floatingTimeout(),
                n.maxTransfers(), n.canBorrow(), n.maxBorrowTime(), n.isAirGapped(), item.subscriptionId(),
                n.enableMaintenancePeriod(), n.maintenanceDuration(), n.maintenancePeriod(), n.isFloatingCloud(),
                n.isFloating(), n.floatingUsers(), n.isLocalLicense(), n.floatingServerId(), n.isTrial(), n.trialDays(),
                preventVm, n.isHardwareKeyAuth(), n.allowGracePeriod(), n.gracePeriod(), n.maxConsumptions(),
                n.allowOverages(), n.maxOverages(), n.resetConsumption(), n.consumptionPeriod(),
                n.allowNegativeConsumptions(), n.allowUnlimitedConsumptions(), n.maxLicenseUsers());
    }
}
