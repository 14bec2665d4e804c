package dev.licensing.core.internal.lifecycle;

import dev.licensing.api.ConsumptionPeriod;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * Consumption periods: UTC calendar windows from 00:00 (daily; weekly from Monday; monthly from the 1st; annually from
 * 1 January). A period's start is a pure function of the instant, so no job resets anything: the first request at or
 * after a boundary finds its counter's start in the past and reads 0.
 */
final class Periods {
    private Periods() {
    }

    /** The start of the period holding {@code now}; {@link Instant#EPOCH} when consumption never resets. */
    static Instant start(Boolean reset, ConsumptionPeriod period, Instant now) {
        if (!Boolean.TRUE.equals(reset) || period == null) {
            return Instant.EPOCH;
        }
        LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate first = switch (period) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
            case ANNUALLY -> day.withDayOfYear(1);
        };
        return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
