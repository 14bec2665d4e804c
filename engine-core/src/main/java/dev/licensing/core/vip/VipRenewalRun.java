package dev.licensing.core.vip;

import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipSubscription;

import java.time.LocalDate;
import java.util.List;

/**
 * What one renewal run ({@link VipMarketplace#renewDue}) did.
 *
 * @param runDate              the UTC date of the engine's clock
 * @param orders               the RENEWAL orders it placed (source "System"), as Get Order shows them, customer by
 *                             customer and date by date
 * @param expiredSubscriptions the subscriptions it expired (auto-renewal off, nothing renewed early)
 */
public record VipRenewalRun(LocalDate runDate, List<VipOrder> orders, List<VipSubscription> expiredSubscriptions) {
    public VipRenewalRun {
        orders = List.copyOf(orders);
        expiredSubscriptions = List.copyOf(expiredSubscriptions);
    }
}
