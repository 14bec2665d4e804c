package dev.licensing.api.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A flexible discount of the catalog's {@code flex_discounts}: a percent off, or an amount off per unit by currency.
 *
 * @param offers    the offers it applies to; empty: every base offer
 * @param percent   the percent off, or {@code null} when {@code amounts} is given
 * @param amounts   the amount off per unit, by currency (empty with a percent)
 * @param endDate   inclusive
 */
public record FlexDiscount(String code, String id, List<String> offers, BigDecimal percent,
                           Map<String, BigDecimal> amounts, LocalDate startDate, LocalDate endDate) {
    public FlexDiscount {
        offers = offers == null ? List.of() : List.copyOf(offers);
        amounts = amounts == null ? Map.of() : Map.copyOf(amounts);
    }
}
