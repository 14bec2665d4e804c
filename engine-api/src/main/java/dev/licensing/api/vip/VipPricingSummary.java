package dev.licensing.api.vip;

import java.math.BigDecimal;

/** An order's total of its lines' {@code lineItemPartnerPrice} in one currency. */
public record VipPricingSummary(BigDecimal totalLineItemPartnerPrice, String currencyCode) {
}
