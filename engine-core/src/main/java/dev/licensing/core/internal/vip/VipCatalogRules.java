package dev.licensing.core.internal.vip;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.FlexDiscount;
import dev.licensing.api.catalog.Offer;
import dev.licensing.api.catalog.VipCustomer;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The consistency of a catalog's VIP sections, for catalogs from the file and from the Java API alike: ids unique,
 * enumerations and ranges, currencies {@code [A-Z]{3}}, add-ons and discounts naming offers that exist.
 */
public final class VipCatalogRules {
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private VipCatalogRules() {
    }

    /** Reports every violation of the VIP sections to {@code errors}, each {@code invalid_catalog} at its path. */
    public static void validate(Catalog catalog, Problems errors) {
        Set<String> customerIds = new HashSet<>();
        for (int i = 0; i < catalog.vipCustomers().size(); i++) {
            customer(catalog.vipCustomers().get(i), FieldPath.ROOT.field("vip_customers").index(i), customerIds, errors);
        }
        Map<String, Offer> offers = new HashMap<>();
        for (int i = 0; i < catalog.offers().size(); i++) {
            Offer offer = catalog.offers().get(i);
            FieldPath path = FieldPath.ROOT.field("offers").index(i);
            if (blank(offer.offerId())) {
                error(errors, path.field("offer_id"), "an offer needs an offer_id");
            } else if (offers.putIfAbsent(offer.offerId(), offer) != null) {
                error(errors, path.field("offer_id"), "offer '" + offer.offerId() + "' appears twice");
            }
            oneOf(offer.marketSegment(), VipCatalogReader.MARKET_SEGMENTS, path.field("market_segment"), errors);
            oneOf(offer.productType(), VipCatalogReader.PRODUCT_TYPES, path.field("product_type"), errors);
            oneOf(offer.proration(), VipCatalogReader.PRORATIONS, path.field("proration"), errors);
            if (offer.termMonths() != 12) {
                error(errors, path.field("term_months"), "only 12-month terms are supported");
            }
            amounts(offer.prices(), path.field("prices"), errors);
        }
        for (int i = 0; i < catalog.offers().size(); i++) {
            Offer offer = catalog.offers().get(i);
            for (int k = 0; k < offer.addOnFor().size(); k++) {
                Offer base = offers.get(offer.addOnFor().get(k));
                FieldPath at = FieldPath.ROOT.field("offers").index(i).field("add_on_for").index(k);
                if (base == null) {
                    error(errors, at, "no offer '" + offer.addOnFor().get(k) + "'");
                } else if (!base.addOnFor().isEmpty()) {
                    error(errors, at, "offer '" + base.offerId() + "' is an add-on itself, not a base offer");
                }
            }
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < catalog.flexDiscounts().size(); i++) {
            discount(catalog.flexDiscounts().get(i), FieldPath.ROOT.field("flex_discounts").index(i), offers, codes, errors);
        }
    }

    private static void customer(VipCustomer customer, FieldPath path, Set<String> ids, Problems errors) {
        if (blank(customer.id())) {
            error(errors, path.field("id"), "a VIP customer needs an id");
        } else if (!ids.add(customer.id())) {
            error(errors, path.field("id"), "VIP customer '" + customer.id() + "' appears twice");
        }
        oneOf(customer.marketSegment(), VipCatalogReader.MARKET_SEGMENTS, path.field("market_segment"), errors);
        oneOf(customer.status(), VipCatalogReader.CUSTOMER_STATUSES, path.field("status"), errors);
        if (customer.currencies().isEmpty()) {
            error(errors, path.field("currencies"), "a VIP customer needs at least one currency");
        }
        Set<String> currencies = new HashSet<>();
        for (int k = 0; k < customer.currencies().size(); k++) {
            String currency = customer.currencies().get(k);
            if (currency == null || !CURRENCY.matcher(currency).matches()) {
                error(errors, path.field("currencies").index(k), "'" + currency + "' is not a currency code [A-Z]{3}");
            } else if (!currencies.add(currency)) {
                error(errors, path.field("currencies").index(k), "currency '" + currency + "' appears twice");
            }
        }
        if (customer.hvd() != null) {
            if (customer.hvd().level() < 17 || customer.hvd().level() > 22) {
                error(errors, path.field("hvd").field("level"), "an HVD level is 17 to 22");
            }
            oneOf(customer.hvd().pricing(), VipCatalogReader.HVD_PRICINGS, path.field("hvd").field("pricing"), errors);
        }
    }

    private static void discount(FlexDiscount discount, FieldPath path, Map<String, Offer> offers, Set<String> codes,
                                 Problems errors) {
        if (blank(discount.code())) {
            error(errors, path.field("code"), "a flexible discount needs a code");
        } else if (!codes.add(discount.code())) {
            error(errors, path.field("code"), "flexible discount '" + discount.code() + "' appears twice");
        }
        for (int k = 0; k < discount.offers().size(); k++) {
            if (!offers.containsKey(discount.offers().get(k))) {
                error(errors, path.field("offers").index(k), "no offer '" + discount.offers().get(k) + "'");
            }
        }
        boolean percent = discount.percent() != null;
        if (percent == !discount.amounts().isEmpty()) {
            error(errors, path, "a flexible discount has either a percent or amounts");
        }
        if (percent && (discount.percent().signum() <= 0 || discount.percent().compareTo(HUNDRED) > 0)) {
            error(errors, path.field("percent"), "a percent is above 0 and at most 100");
        }
        amounts(discount.amounts(), path.field("amounts"), errors);
        if (discount.startDate() == null || discount.endDate() == null) {
            error(errors, path, "a flexible discount needs a start_date and an end_date");
        } else if (discount.endDate().isBefore(discount.startDate())) {
            error(errors, path.field("end_date"), "the end_date is before the start_date");
        }
    }

    private static void amounts(Map<String, BigDecimal> amounts, FieldPath path, Problems errors) {
        amounts.forEach((currency, amount) -> {
            if (!CURRENCY.matcher(currency).matches()) {
                error(errors, path.field(currency), "'" + currency + "' is not a currency code [A-Z]{3}");
            } else if (amount.signum() < 0) {
                error(errors, path.field(currency), "an amount is not negative");
            }
        });
    }

    private static void oneOf(String value, List<String> allowed, FieldPath path, Problems errors) {
        if (!allowed.contains(value)) {
            error(errors, path, "'" + value + "' is not one of " + allowed);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void error(Problems errors, FieldPath path, String message) {
        errors.add(ErrorCode.INVALID_CATALOG, path, message);
    }
}
