package dev.licensing.core.internal.rules;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicenseProperties;
import dev.licensing.core.Props;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-12", "2024-3-1", "2024-03-12T10:15", "2024-03-12 10:15", "2018-04-1 21:18:49",
            "2024-03-12T10:15:30", "2024-03-12T10:15:30.5", "2024-03-12T10:15:30.123456789", "2024-03-12T10:15:30Z",
            "2024-03-12T10:15:30+02:00", "2024-03-12 9:05-05:30", "2024-02-29"})
    void acceptsWhatRealClientsSend(String text) {
        assertThat(Dates.parse(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024", "2024-03", "24-03-12", "2024/03/12", "12.03.2024", "2024-03-12T", "2024-03-12T10",
            "2024-03-12T10:5", "2024-03-12T10:15:30.1234567890", "2024-03-12Z", "2024-03-12T10:15+0200",
            "2024-03-12T10:15 +02:00", "2024-13-01", "2023-02-29", "2024-03-12T24:00", "2024-03-12T10:60",
            " 2024-03-12", "2024-03-12x", "March 12, 2024", "1710237600000"})
    void refusesAnythingElse(String text) {
        assertThat(Dates.parse(text)).isEmpty();
    }

    @Test
    void noZoneMeansUtcAndAnOffsetIsApplied() {
        assertThat(Dates.parse("2018-04-1 21:18:49")).contains(Instant.parse("2018-04-01T21:18:49Z"));
        assertThat(Dates.parse("2024-03-12")).contains(Instant.parse("2024-03-12T00:00:00Z"));
        assertThat(Dates.parse("2024-03-12T10:15+02:00")).contains(Instant.parse("2024-03-12T08:15:00Z"));
        assertThat(Dates.parse("2024-03-12T10:15:30.5Z")).contains(Instant.parse("2024-03-12T10:15:30.500Z"));
    }

    @Test
    void anUnreadableDateIsInvalidDateAtItsField() {
        Problems violations = new Problems();
        Dates.check("tomorrow", FieldPath.ROOT.field("items").index(0).field("licenses").index(0).field("start_date"), violations);
        assertThat(violations.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DATE);
            assertThat(e.field()).isEqualTo("items[0].licenses[0].start_date");
        });
    }

    @Test
    void aValidityPeriodBeforeTheStartDateIsAnError() {
        LicenseProperties properties = PropertyResolver.ENGINE_DEFAULTS.overriddenBy(
                Props.of("validityPeriod", "2024-01-01", "startDate", "2024-02-01"));
        Problems violations = new Problems();
        Dates.checkValidityAfterStart(properties, FieldPath.ROOT.field("items").index(0).field("licenses").index(0), violations);
        assertThat(violations.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.field()).isEqualTo("items[0].licenses[0].validity_period");
        });
    }

    @Test
    void aDateAloneAsAnEndMeansTheWholeDayAndWithATimeThatInstant() {
        assertThat(Dates.parseEnd("2026-06-26")).contains(Instant.parse("2026-06-27T00:00:00Z"));
        assertThat(Dates.parseEnd("2024-2-29")).contains(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(Dates.parseEnd("2026-06-26T09:00Z")).contains(Instant.parse("2026-06-26T09:00:00Z"));
        assertThat(Dates.parseEnd("2026-06-26 23:59:59")).contains(Instant.parse("2026-06-26T23:59:59Z"));
        assertThat(Dates.parseEnd("soon")).isEmpty();
        assertThat(Dates.parseEnd(null)).isEmpty();
    }

    @Test
    void aDateBefore1970IsAValidationErrorAndTheEpochIsADate() {
        Problems violations = new Problems();
        assertThat(Dates.check("0001-01-01T00:00:00Z", FieldPath.ROOT.field("created"), violations)).isEmpty();
        assertThat(Dates.check("1969-12-31T23:59:59.999999999Z", FieldPath.ROOT.field("start_date"), violations))
                .isEmpty();
        assertThat(Dates.check("1970-01-01", FieldPath.ROOT.field("expiry_date"), violations)).contains(Instant.EPOCH);
        assertThat(violations.errors()).extracting(e -> e.code(), e -> e.field()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ErrorCode.VALIDATION_ERROR, "created"),
                org.assertj.core.groups.Tuple.tuple(ErrorCode.VALIDATION_ERROR, "start_date"));
    }
}
