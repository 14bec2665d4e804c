package dev.licensing.api.store;

import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipSubscription;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one VIP Marketplace request writes for one customer: each order and subscription is inserted, or replaces the
 * stored one with the same id (a RETURN lowers an order's remaining quantities and a subscription's quantity).
 *
 * @param coterm the customer's coterm date to keep, or {@code null} to leave it
 * @param replay the answer to keep for a correlation id (replacing an expired one), or {@code null}
 */
public record VipWrite(String company, String customerId, LocalDate coterm, List<VipOrder> orders,
                       List<VipSubscription> subscriptions, VipReplay replay) {
    public VipWrite {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(customerId, "customerId");
        orders = orders == null ? List.of() : List.copyOf(orders);
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    }
}
