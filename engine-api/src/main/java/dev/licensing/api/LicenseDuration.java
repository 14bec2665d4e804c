package dev.licensing.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A LicenseSpring duration such as {@code 1y}, {@code 2m}, {@code 3d} or {@code 4h}: a positive integer and one unit.
 * LicenseSpring counts {@code valid_duration} and {@code maintenance_duration} from a license's first activation, so the
 * engine stores the duration and {@link #addTo(Instant)} computes its end for whoever activates the license.
 */
public record LicenseDuration(long amount, Unit unit) {

    /** The units of the page's grammar. */
    public enum Unit {
        YEAR('y'), MONTH('m'), DAY('d'), HOUR('h');

        private final char symbol;

        Unit(char symbol) {
            this.symbol = symbol;
        }

        public char symbol() {
            return symbol;
        }
    }

    public LicenseDuration {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("a duration is positive: " + amount);
        }
    }

    /**
     * Reads {@code <positive integer><y|m|d|h>}; anything else (a sign, a space, upper case, another unit, zero, a
     * number too large to add to a date) is refused with an {@link IllegalArgumentException}.
     */
    public static LicenseDuration parse(String text) {
        if (text == null || text.length() < 2 || text.length() > 10) {
            throw new IllegalArgumentException("expected <positive integer><y|m|d|h>, e.g. 1y, 2m, 3d or 4h");
        }
        Unit unit = switch (text.charAt(text.length() - 1)) {
            case 'y' -> Unit.YEAR;
            case 'm' -> Unit.MONTH;
            case 'd' -> Unit.DAY;
            case 'h' -> Unit.HOUR;
            default -> throw new IllegalArgumentException(
                    "unknown unit '" + text.charAt(text.length() - 1) + "': expected y, m, d or h");
        };
        long amount = 0;
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("expected <positive integer><y|m|d|h>, e.g. 1y, 2m, 3d or 4h");
            }
            amount = amount * 10 + (c - '0');
        }
        if (amount == 0) {
            throw new IllegalArgumentException("a duration must be positive");
        }
        // Beyond this no calendar arithmetic stays inside java.time's range (year 1,000,000,000).
        long limit = switch (unit) {
            case YEAR -> 100_000L;
            case MONTH -> 1_200_000L;
            case DAY -> 36_500_000L;
            case HOUR -> 876_000_000L;
        };
        if (amount > limit) {
            throw new IllegalArgumentException("duration too long: at most " + limit + unit.symbol());
        }
        return new LicenseDuration(amount, unit);
    }

    /**
     * The instant this duration after {@code start}, in calendar arithmetic in UTC: a month after Jan 31 is the last day
     * of February, a year after Feb 29 is Feb 28.
     */
    public Instant addTo(Instant start) {
        ZonedDateTime at = start.atZone(ZoneOffset.UTC);
        return switch (unit) {
            case YEAR -> at.plusYears(amount).toInstant();
            case MONTH -> at.plusMonths(amount).toInstant();
            case DAY -> at.plusDays(amount).toInstant();
            case HOUR -> start.plusSeconds(amount * 3600);
        };
    }

    @Override
    public String toString() {
        return amount + String.valueOf(unit.symbol());
    }
}
