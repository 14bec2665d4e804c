package dev.licensing.core.internal.vip;

import dev.licensing.api.vip.VipLineItem;
import dev.licensing.api.vip.VipOrder;

/**
 * How a stored order shows: Create's answer (status "1002", no subscription ids yet), Get Order's (as stored, the
 * prices only when asked for) and a preview's (no id, no status, prices when asked for).
 */
final class VipViews {
    private VipViews() {
    }

    static VipOrder created(VipOrder stored) {
        return new VipOrder(stored.orderId(), stored.customerId(), stored.orderType(), stored.externalReferenceId(),
                stored.referenceOrderId(), stored.currencyCode(), stored.creationDate(), Statuses.PENDING,
                stored.source(), stored.lineItems().stream().map(line -> line(line, "", Statuses.PENDING, false))
                .toList(), null);
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
