package dev.licensing.core.internal.vip;

import dev.licensing.api.catalog.FlexDiscount;
import dev.licensing.api.catalog.Offer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PricingTest {
    private static final LocalDate COTERM = LocalDate.parse("2026-12-01");

    private static Offer offer(String price, String proration) {
        return new Offer("O", "COM", "TEAM", 12, Map.of("USD", new BigDecimal(price)), proration, true, List.of());
    }

    @Test
    void anAmountOffNeverTakesThePriceBelowZero() {
        FlexDiscount amount = new FlexDiscount("A", "A", List.of(), null, Map.of("USD", new BigDecimal("25.00")),
                COTERM.minusYears(1), COTERM);

        Pricing.Priced priced = Pricing.price(offer("10.00", "prorated"), "USD", amount, 3, COTERM.minusDays(10),
                COTERM);

        assertThat(priced.pricing().discountedPartnerPrice()).isEqualByComparingTo("0");
        assertThat(priced.pricing().lineItemPartnerPrice()).isEqualByComparingTo("0");
    }

    @Test
    void everyStepTruncatesInsteadOfRoundingHalfUp() {
        // 15% of 99.99 is 14.9985: 14.99 off (half-up: 15.00), so 85.00; 85.00 × 200 / 365 = 46.5753… → 46.575;
        // × 7 = 326.025 → 326.02 (half-up: 326.03).
        FlexDiscount percent = new FlexDiscount("P", "P", List.of(), new BigDecimal("15"), Map.of(),
                COTERM.minusYears(1), COTERM);

        Pricing.Priced priced = Pricing.price(offer("99.99", "prorated"), "USD", percent, 7, COTERM.minusDays(200),
                COTERM);

        assertThat(priced.proratedDays()).isEqualTo(200);
        assertThat(priced.pricing().discountedPartnerPrice()).isEqualTo(new BigDecimal("85.00"));
        assertThat(priced.pricing().netPartnerPrice()).isEqualTo(new BigDecimal("46.575"));
        assertThat(priced.pricing().lineItemPartnerPrice()).isEqualTo(new BigDecimal("326.02"));
    }

    @Test
    void aLeapYearTermHas366DaysAndFixedOffersTheWholeTerm() {
        LocalDate leapCoterm = LocalDate.parse("2028-03-01");

        Pricing.Priced fixed = Pricing.price(offer("366.00", "fixed"), "USD", null, 1, leapCoterm.minusDays(5),
                leapCoterm);
        Pricing.Priced prorated = Pricing.price(offer("366.00", "prorated"), "USD", null, 1, leapCoterm.minusDays(5),
                leapCoterm);

        assertThat(fixed.proratedDays()).isEqualTo(366);
        assertThat(fixed.pricing().netPartnerPrice()).isEqualByComparingTo("366.000");
        assertThat(prorated.pricing().netPartnerPrice()).isEqualByComparingTo("5.000");
    }
}
