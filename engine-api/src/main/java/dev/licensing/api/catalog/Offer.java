package dev.licensing.api.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A VIP Marketplace offer of the catalog's {@code offers}.
 *
 * @param productType "TEAM" or "ENTERPRISE" (the quantity limit)
 * @param prices      the partner price per unit and year, by currency
 * @param proration   "prorated" or "fixed"
 * @param addOnFor    the base offers this one is an add-on for; empty: a base offer
 */
public record Offer(String offerId, String marketSegment, String productType, int termMonths,
                    Map<String, BigDecimal> prices, String proration, boolean returnable, List<String> addOnFor) {
    public Offer {
        prices = prices == null ? Map.of() : Map.copyOf(prices);
        addOnFor = addOnFor == null ? List.of() : List.copyOf(addOnFor);
    }
}
