package dev.licensing.core.internal.vip;

import dev.licensing.api.vip.VipLineItem;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipOrderType;

/**
 * How a stored order shows: Create's answer (status "1002", no subscription ids yet), Get Order's (as stored, the
 * prices only when asked for) and a preview's (no id, no status, prices when asked for).
 */
final class VipViews {
    private VipViews() {
    }

    /** Create's answer: a RENEWAL's lines name the subscriptions they were given, other lines none yet. */
    static VipOrder created(VipOrder stored) {
        boolean renewal = stored.orderType() == VipOrderType.RENEWAL;
        return new VipOrder(stored.orderId(), stored.customerId(), stored.orderType(), stored.externalReferenceId(),
                stored.referenceOrderId(), stored.currencyCode(), stored.creationDate(), Statuses.PENDING,
                stored.source(), stored.lineItems().stream()
                .map(line -> line(line, renewal ? line.subscriptionId() : "", Statuses.PENDING, false)).toList(),
                null);
    }

    /**
     * A PREVIEW_RENEWAL's answer: no id, no status; lines name their subscriptions, the run's lines status "1000", and
     * carry the next term's days and prices when asked for.
     */
    static VipOrder renewalPreview(VipOrder priced, boolean fetchPrice) {
        return new VipOrder("", priced.customerId(), priced.orderType(), priced.externalReferenceId(),
                priced.referenceOrderId(), priced.currencyCode(), priced.creationDate(), "", null,
                priced.lineItems().stream().map(line -> new VipLineItem(line.extLineItemNumber(), line.offerId(),
                        line.quantity(), line.subscriptionId(), line.status(), line.currencyCode(),
                        line.deploymentId(), line.discountCode(), null, null,
                        fetchPrice ? line.proratedDays() : null, fetchPrice ? line.pricing() : null)).toList(),
                fetchPrice ? priced.pricingSummary() : null);
    }

    static VipOrder fetched(VipOrder stored, boolean fetchPrice) {
        return new VipOrder(stored.orderId(), stored.customerId(), stored.orderType(), stored.externalReferenceId(),
                stored.referenceOrderId(), stored.currencyCode(), stored.creationDate(), stored.status(),
                stored.source(), stored.lineItems().stream()
                .map(line -> line(line, line.subscriptionId(), line.status(), fetchPrice)).toList(),
                fetchPrice ? stored.pricingSummary() : null);
    }

    static VipOrder preview(VipOrder priced, boolean fetchPrice) {
        return new VipOrder("", priced.customerId(), priced.orderType(), priced.externalReferenceId(),
                priced.referenceOrderId(), priced.currencyCode(), priced.creationDate(), "", null,
                priced.lineItems().stream().map(line -> new VipLineItem(line.extLineItemNumber(), line.offerId(),
                        line.quantity(), "", "", line.currencyCode(), line.deploymentId(), line.discountCode(),
                        line.flexDiscounts(), null, fetchPrice ? line.proratedDays() : null,
                        fetchPrice ? line.pricing() : null)).toList(),
                fetchPrice ? priced.pricingSummary() : null);
    }

    private static VipLineItem line(VipLineItem line, String subscriptionId, String status, boolean prices) {
        boolean remaining = !status.equals(Statuses.PENDING);
        return new VipLineItem(line.extLineItemNumber(), line.offerId(), line.quantity(), subscriptionId, status,
                line.currencyCode(), line.deploymentId(), line.discountCode(), line.flexDiscounts(),
                remaining ? line.remainingQuantity() : null, prices ? line.proratedDays() : null,
                prices ? line.pricing() : null);
    }
}
