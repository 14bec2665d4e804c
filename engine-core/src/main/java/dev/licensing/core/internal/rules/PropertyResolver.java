package dev.licensing.core.internal.rules;

import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseProperty;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.order.ItemRequest;

/**
 * Property resolution (DESIGN §3), lowest first: engine defaults < product defaults < policy < order-level
 * {@code prevent_vm} < item-level {@code active} and {@code subscription_id} < the license's own properties.
 */
public final class PropertyResolver {

    /**
     * What a license gets when no layer says otherwise, as each property declares it: the page's example response. The
     * nullable properties (durations, dates, consumption limits, the floating server, max license users) stay null.
     */
    public static final LicenseProperties ENGINE_DEFAULTS = LicenseProperty.engineDefaults();

    private static final LicenseProperty ACTIVE = LicenseProperty.named("active");
    private static final LicenseProperty SUBSCRIPTION_ID = LicenseProperty.named("subscription_id");
    private static final LicenseProperty PREVENT_VM = LicenseProperty.named("prevent_vm");

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
        if (preventVm == null && item.active() == null && item.subscriptionId() == null) {
            return LicenseProperties.NONE; // most licenses: an empty layer, which overriddenBy skips without a merge
        }
        return LicenseProperty.build(property -> property == ACTIVE ? item.active()
                : property == SUBSCRIPTION_ID ? item.subscriptionId()
                : property == PREVENT_VM ? preventVm
                : null);
    }
}
