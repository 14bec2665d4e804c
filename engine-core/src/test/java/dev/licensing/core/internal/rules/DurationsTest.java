package dev.licensing.core.internal.rules;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicenseDuration;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"1y", "2m", "3d", "4h", "365d", "100000y"})
    void acceptsThePagesGrammar(String text) {
        Problems violations = new Problems();
        Durations.check(text, FieldPath.ROOT.field("valid_duration"), violations);
        assertThat(violations.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "y", "0d", "-1d", "+1d", "1 d", "1Y", "1w", "1.5y", "1y2m", "d1", "100001y"})
    void refusesAnythingElseAsInvalidDurationAtTheField(String text) {
        Problems violations = new Problems();
        Durations.check(text, FieldPath.ROOT.field("items").index(0).field("licenses").index(0).field("valid_duration"), violations);
        assertThat(violations.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DURATION);
            assertThat(e.field()).isEqualTo("items[0].licenses[0].valid_duration");
        });
    }

    @Test
    void aMonthAfterJanuary31IsTheLastDayOfFebruary() {
        LicenseDuration month = LicenseDuration.parse("1m");
        assertThat(month.addTo(Instant.parse("2024-01-31T10:00:00Z"))).isEqualTo("2024-02-29T10:00:00Z");
        assertThat(month.addTo(Instant.parse("2023-01-31T10:00:00Z"))).isEqualTo("2023-02-28T10:00:00Z");
    }

    @Test
    void calendarArithmeticInUtcForYearsDaysAndHours() {
        assertThat(LicenseDuration.parse("1y").addTo(Instant.parse("2024-02-29T00:00:00Z")))
                .isEqualTo("2025-02-28T00:00:00Z");
        assertThat(LicenseDuration.parse("3d").addTo(Instant.parse("2024-12-30T12:00:00Z")))
                .isEqualTo("2025-01-02T12:00:00Z");
        assertThat(LicenseDuration.parse("4h").addTo(Instant.parse("2024-03-31T23:00:00Z")))
                .isEqualTo("2024-04-01T03:00:00Z");
    }
}
