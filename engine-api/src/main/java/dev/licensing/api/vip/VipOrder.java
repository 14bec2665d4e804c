package dev.licensing.api.vip;

import java.time.Instant;
import java.util.List;

/**
 * An order as stored (and, through a view, as shown). Previews are never stored: their {@code orderId} and
 * {@code status} are "".
 *
 * @param creationDate   whole seconds, UTC
 * @param source         "API" for orders placed through Create Order, "System" for the renewal run's; {@code null} on
 *                       previews
 * @param pricingSummary {@code null} unless priced
 */
public record VipOrder(String orderId, String customerId, VipOrderType orderType, String externalReferenceId,
                       String referenceOrderId, String currencyCode, Instant creationDate, String status,
                       String source, List<VipLineItem> lineItems, List<VipPricingSummary> pricingSummary) {
    public VipOrder {
        lineItems = List.copyOf(lineItems);
        pricingSummary = pricingSummary == null ? null : List.copyOf(pricingSummary);
    }

    public VipOrder withLines(String newStatus, List<VipLineItem> lines) {
        return new VipOrder(orderId, customerId, orderType, externalReferenceId, referenceOrderId, currencyCode,
                creationDate, newStatus, source, lines, pricingSummary);
    }
}
