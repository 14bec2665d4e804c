package dev.licensing.api.vip;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A customer's subscription to an offer (per deployment): NEW orders add to it, RETURN orders take from it.
 *
 * @param status "1000" active, "1004" inactive (returned to 0)
 */
public record VipSubscription(String subscriptionId, String customerId, String offerId, String deploymentId,
                              String currencyCode, int currentQuantity, int usedQuantity, Instant creationDate,
                              LocalDate renewalDate, boolean autoRenewalEnabled, int renewalQuantity, String status) {

    public VipSubscription withCurrentQuantity(int quantity, String newStatus) {
        return new VipSubscription(subscriptionId, customerId, offerId, deploymentId, currencyCode, quantity,
                usedQuantity, creationDate, renewalDate, autoRenewalEnabled, quantity, newStatus);
    }
}
