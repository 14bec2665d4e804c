package dev.licensing.api.vip;

import java.util.List;

/**
 * A line of an order as stored and shown; {@code null} fields are not shown.
 *
 * @param subscriptionId    the subscription the line added to (NEW), renewed (RENEWAL) or returned from (RETURN)
 * @param remainingQuantity what may still be returned (NEW and RENEWAL lines)
 * @param proratedDays      with {@code pricing}: the days priced
 */
public record VipLineItem(int extLineItemNumber, String offerId, int quantity, String subscriptionId, String status,
                          String currencyCode, String deploymentId, String discountCode,
                          List<VipFlexDiscount> flexDiscounts, Integer remainingQuantity, Integer proratedDays,
                          VipPricing pricing) {
    public VipLineItem {
        flexDiscounts = flexDiscounts == null ? null : List.copyOf(flexDiscounts);
    }

    public VipLineItem withRemainingQuantity(Integer remaining, String newStatus) {
        return new VipLineItem(extLineItemNumber, offerId, quantity, subscriptionId, newStatus, currencyCode,
                deploymentId, discountCode, flexDiscounts, remaining, proratedDays, pricing);
    }
}
