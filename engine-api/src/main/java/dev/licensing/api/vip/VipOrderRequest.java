package dev.licensing.api.vip;

import java.util.List;

/** A Create Order request body; {@code null} is absent. */
public record VipOrderRequest(VipOrderType orderType, String externalReferenceId, String currencyCode,
                              String referenceOrderId, List<VipLineItemRequest> lineItems) {
    public VipOrderRequest {
        lineItems = lineItems == null ? null : List.copyOf(lineItems);
    }
}
