package dev.licensing.api.vip;

import java.util.List;

/**
 * One line of a Create Order request; {@code null} is absent.
 *
 * @param flexDiscountCodes {@code null} when absent, else the codes (possibly none)
 * @param subscriptionId    the renewal lines' subscription (other types ignore it)
 */
public record VipLineItemRequest(Integer extLineItemNumber, String offerId, Integer quantity, String currencyCode,
                                 String deploymentId, String discountCode, List<String> flexDiscountCodes,
                                 String subscriptionId) {
    public VipLineItemRequest {
        flexDiscountCodes = flexDiscountCodes == null ? null : List.copyOf(flexDiscountCodes);
    }
}
