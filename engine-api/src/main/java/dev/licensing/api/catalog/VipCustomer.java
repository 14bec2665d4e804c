package dev.licensing.api.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * A VIP Marketplace customer of the catalog's {@code vip_customers}; defaults are applied when the catalog is read.
 *
 * @param currencies   at least one; the first is the customer's default
 * @param status       "1000" active, "1002" pending, "1004" inactive
 * @param hvd          the High Volume Discount level and pricing, or {@code null}
 * @param cotermDate   the anniversary date, or {@code null} until the first NEW order sets it
 */
public record VipCustomer(String id, String marketSegment, String country, List<String> currencies, String status,
                          Hvd hvd, boolean flexDiscountEligible, LocalDate cotermDate, boolean autoRenewal) {
    public VipCustomer {
        currencies = currencies == null ? List.of() : List.copyOf(currencies);
    }

    /** A migrated VIP customer's High Volume Discount: level 17..22, pricing "PRE" or "POST". */
    public record Hvd(int level, String pricing) {
        /** The discount code the customer's lines may carry: {@code HVD_L<level>_<pricing>}. */
        public String discountCode() {
            return "HVD_L" + level + "_" + pricing;
        }
    }
}
