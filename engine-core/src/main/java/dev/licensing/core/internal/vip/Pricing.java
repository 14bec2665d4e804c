package dev.licensing.core.internal.vip;

import dev.licensing.api.catalog.FlexDiscount;
import dev.licensing.api.catalog.Offer;
import dev.licensing.api.vip.VipLineItem;
import dev.licensing.api.vip.VipPricing;
import dev.licensing.api.vip.VipPricingSummary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * design/vip-marketplace.md's pricing. Every step truncates (rounding toward zero), never rounds half-up: that is what
 * reproduces the prices Adobe publishes. Days are UTC dates.
 */
final class Pricing {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Pricing() {
    }

    /** A line's days and prices: {@code proratedDays} from {@code orderDate} to {@code coterm}. */
    record Priced(int proratedDays, VipPricing pricing) {
    }

    static Priced price(Offer offer, String currency, FlexDiscount discount, int quantity, LocalDate orderDate,
                        LocalDate coterm) {
        long termDays = ChronoUnit.DAYS.between(coterm.minusYears(1), coterm);
        long days = "fixed".equals(offer.proration()) ? termDays
                : Math.min(ChronoUnit.DAYS.between(orderDate, coterm), termDays);
        BigDecimal partner = offer.prices().get(currency);
        BigDecimal discounted = discounted(partner, discount, currency);
        BigDecimal net = discounted.multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(termDays), 3, RoundingMode.DOWN);
        return new Priced((int) days, new VipPricing(partner, discounted, net, lineTotal(net, quantity)));
    }

    /**
     * A renewal line: the whole next term, from {@code termStart} (the subscription's renewal date) a year on, at the
     * catalog's price; no prices when the offer is no longer priced in the subscription's currency.
     */
    static Priced renewal(Offer offer, String currency, int quantity, LocalDate termStart) {
        int termDays = (int) ChronoUnit.DAYS.between(termStart, termStart.plusYears(1));
        BigDecimal partner = offer == null ? null : offer.prices().get(currency);
        if (partner == null) {
            return new Priced(termDays, null);
        }
        BigDecimal net = partner.setScale(3, RoundingMode.DOWN);
        return new Priced(termDays, new VipPricing(partner, partner, net, lineTotal(net, quantity)));
    }

    /** A returned quantity is priced as the original line: its net price and days. */
    static VipPricing returned(VipPricing original, int quantity) {
        return new VipPricing(original.partnerPrice(), original.discountedPartnerPrice(), original.netPartnerPrice(),
                lineTotal(original.netPartnerPrice(), quantity));
    }

    /** The lines' totals per currency, in the order the currencies first appear. */
    static List<VipPricingSummary> summary(List<VipLineItem> lines) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (VipLineItem line : lines) {
            totals.merge(line.currencyCode(), line.pricing().lineItemPartnerPrice(), BigDecimal::add);
        }
        List<VipPricingSummary> summary = new ArrayList<>();
        totals.forEach((currency, total) -> summary.add(new VipPricingSummary(total, currency)));
        return summary;
    }

    /** Less the flex discount: a percent truncated to cents, or an amount, never below 0. */
    private static BigDecimal discounted(BigDecimal partner, FlexDiscount discount, String currency) {
        if (discount == null) {
            return partner;
        }
        if (discount.percent() != null) {
            return partner.subtract(partner.multiply(discount.percent()).divide(HUNDRED, 2, RoundingMode.DOWN));
        }
        return partner.subtract(discount.amounts().get(currency)).max(BigDecimal.ZERO);
    }

    private static BigDecimal lineTotal(BigDecimal net, int quantity) {
        return net.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.DOWN);
    }
}
