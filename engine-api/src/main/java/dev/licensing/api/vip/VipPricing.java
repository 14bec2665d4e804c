package dev.licensing.api.vip;

import java.math.BigDecimal;

/** A line's prices (per unit, except {@code lineItemPartnerPrice}), in the line's currency. */
public record VipPricing(BigDecimal partnerPrice, BigDecimal discountedPartnerPrice, BigDecimal netPartnerPrice,
                         BigDecimal lineItemPartnerPrice) {
}
