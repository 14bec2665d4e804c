package dev.licensing.api.vip;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's subscription to an offer (per deployment): NEW orders add to it, RETURN orders take from it, renewals
 * carry it into the next term.
 *
 * @param renewalQuantity    what the renewal run orders: the explicit one when {@code renewalQuantitySet}, else the
 *                           current quantity
 * @param status             "1000" active, "1004" inactive (returned to 0, or expired)
 * @param renewalQuantitySet whether {@code renewalQuantity} was set by Update Subscription (kept until inactive)
 * @param renewedQuantity    seats renewed early for the next term (shown while above 0)
 * @param allowedActions     ["MANUAL_RENEWAL"] once expired by the renewal run; else empty
 */
public record VipSubscription(String subscriptionId, String customerId, String offerId, String deploymentId,
                              String currencyCode, int currentQuantity, int usedQuantity, Instant creationDate,
                              LocalDate renewalDate, boolean autoRenewalEnabled, int renewalQuantity, String status,
                              boolean renewalQuantitySet, int renewedQuantity, List<String> allowedActions) {
    /** What an expired subscription allows: a late renewal order. */
    public static final String MANUAL_RENEWAL = "MANUAL_RENEWAL";
    private static final String ACTIVE = "1000";
    private static final String INACTIVE = "1004";

    public VipSubscription {
        allowedActions = allowedActions == null ? List.of() : List.copyOf(allowedActions);
    }

    /** Whether the renewal run expired it (a late renewal may bring it back). */
    public boolean expired() {
        return allowedActions.contains(MANUAL_RENEWAL);
    }

    /**
     * The subscription at a new quantity: an explicit renewal quantity stays while it is active; turning inactive
     * forgets it.
     */
    public VipSubscription withCurrentQuantity(int quantity, String newStatus) {
        boolean keepExplicit = renewalQuantitySet && ACTIVE.equals(newStatus);
        return new VipSubscription(subscriptionId, customerId, offerId, deploymentId, currencyCode, quantity,
                usedQuantity, creationDate, renewalDate, autoRenewalEnabled,
                keepExplicit ? renewalQuantity : quantity, newStatus, keepExplicit, renewedQuantity, allowedActions);
    }

    /** With Update Subscription's settings; {@code explicitQuantity} {@code null} keeps the renewal quantity. */
    public VipSubscription withAutoRenewal(boolean enabled, Integer explicitQuantity) {
        return new VipSubscription(subscriptionId, customerId, offerId, deploymentId, currencyCode, currentQuantity,
                usedQuantity, creationDate, renewalDate, enabled,
                explicitQuantity != null ? explicitQuantity : renewalQuantity, status,
                explicitQuantity != null || renewalQuantitySet, renewedQuantity, allowedActions);
    }

    /** With {@code renewed} seats renewed early. */
    public VipSubscription withRenewedQuantity(int renewed) {
        return new VipSubscription(subscriptionId, customerId, offerId, deploymentId, currencyCode, currentQuantity,
                usedQuantity, creationDate, renewalDate, autoRenewalEnabled, renewalQuantity, status,
                renewalQuantitySet, renewed, allowedActions);
    }

    /** Active in the term that ends on {@code nextRenewal}, at {@code quantity}, nothing renewed early yet. */
    public VipSubscription renewed(int quantity, LocalDate nextRenewal) {
        return new VipSubscription(subscriptionId, customerId, offerId, deploymentId, currencyCode, quantity,
                usedQuantity, creationDate, nextRenewal, autoRenewalEnabled,
                renewalQuantitySet ? renewalQuantity : quantity, ACTIVE, renewalQuantitySet, 0, List.of());
    }

    /** Expired by the renewal run: inactive with its quantity kept, open to a late renewal. */
    public VipSubscription expire() {
        return new VipSubscription(subscriptionId, customerId, offerId, deploymentId, currencyCode, currentQuantity,
                usedQuantity, creationDate, renewalDate, autoRenewalEnabled, currentQuantity, INACTIVE, false,
                0, List.of(MANUAL_RENEWAL));
    }
}
