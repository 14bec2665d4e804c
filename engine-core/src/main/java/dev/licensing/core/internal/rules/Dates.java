package dev.licensing.core.internal.rules;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicenseProperties;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates and date-times real clients send (DESIGN §3 "What real clients send"): {@code YYYY-MM-DD}, or a date and a
 * time joined by {@code T} or a space; time {@code HH:MM[:SS[.1-9 digits]]}; month, day and hour may have one digit;
 * zone {@code Z}, {@code ±HH:MM} or none, and none means UTC. The text itself is stored as given; this class only reads
 * the instant it names.
 *
 * <p>What real inputs taught us (DESIGN §3): a date before 1970-01-01 is a sentinel for "unset" (Go's zero time
 * {@code 0001-01-01T00:00:00Z}, .NET's {@code DateTime.MinValue}), never a real licensing date, so it is refused. And a
 * date alone read as an end ({@code validity_period}, {@code maintenance_period}, a feature's {@code expiry_date})
 * means the whole named day: it ends at the next midnight UTC ({@link #parseEnd}); as a start it means its midnight.
 */
public final class Dates {
    private static final Pattern GRAMMAR = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
                    + "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|[+-]\\d{2}:\\d{2})?)?");

    private Dates() {
    }

    /** The instant {@code text} names, or empty when it breaks the grammar or names no real date or time. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    number(m.group(4)), number(m.group(5)), number(m.group(6)), nanos(m.group(7)));
            ZoneOffset zone = m.group(8) == null ? ZoneOffset.UTC : ZoneOffset.of(m.group(8));
            return Optional.of(local.toInstant(zone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** As {@link #check(String, FieldPath, Problems)} at {@code path.field}, the path built only when there is a value. */
    public static Optional<Instant> check(String text, FieldPath path, String field, Problems violations) {
        return text == null ? Optional.empty() : check(text, path.field(field), violations);
    }

    /**
     * Records {@link ErrorCode#INVALID_DATE} at {@code field} when {@code text} cannot be read, and
     * {@link ErrorCode#VALIDATION_ERROR} when it names an instant before 1970-01-01.
     *
     * @return the instant, or empty when {@code text} is absent or was refused
     */
    public static Optional<Instant> check(String text, FieldPath field, Problems violations) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<Instant> instant = parse(text);
        if (instant.isEmpty()) {
            violations.add(ErrorCode.INVALID_DATE, field, "'" + text + "' is not a date: expected YYYY-MM-DD or "
                    + "YYYY-MM-DD[T| ]HH:MM[:SS[.fraction]] with an optional zone Z or ±HH:MM");
            return instant;
        }
        if (instant.get().isBefore(Instant.EPOCH)) {
            violations.add(ErrorCode.VALIDATION_ERROR, field, "'" + text + "' is before 1970-01-01: a placeholder for "
                    + "'no date' (such as Go's zero time 0001-01-01T00:00:00Z) is not a date; leave the field out");
            return Optional.empty();
        }
        return instant;
    }

    /**
     * The instant {@code text} names read as the END of a period: a date alone means the whole named day, so it ends at
     * the next midnight UTC; a date with a time is that instant. Empty when {@code text} is absent or unreadable.
     */
    public static Optional<Instant> parseEnd(String text) {
        Optional<Instant> instant = parse(text);
        if (instant.isPresent() && isDateAlone(text)) {
            return Optional.of(instant.get().plus(1, ChronoUnit.DAYS));
        }
        return instant;
    }

    /**
     * Records {@link ErrorCode#VALIDATION_ERROR} at {@code path.validity_period} when the resolved validity period ends
     * before the resolved start date (both readable; a validity period that is a date alone ends at that day's end).
     */
    public static void checkValidityAfterStart(LicenseProperties resolved, FieldPath path, Problems violations) {
        Optional<Instant> start = parse(resolved.startDate());
        Optional<Instant> end = parseEnd(resolved.validityPeriod());
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            violations.add(ErrorCode.VALIDATION_ERROR, path.field("validity_period"), "validity_period "
                    + resolved.validityPeriod() + " is before start_date " + resolved.startDate());
        }
    }

    /**
     * Records {@link ErrorCode#VALIDATION_ERROR} at {@code path.validity_period} when the resolved validity period ended
     * before {@code orderTime} (the order's {@code created}, else the clock's now): a license is never sold expired.
     */
    public static void checkValidityNotBefore(LicenseProperties resolved, Instant orderTime, FieldPath path,
                                              Problems violations) {
        Optional<Instant> end = parseEnd(resolved.validityPeriod());
        if (end.isPresent() && !end.get().isAfter(orderTime)) {
            violations.add(ErrorCode.VALIDATION_ERROR, path.field("validity_period"), "validity_period "
                    + resolved.validityPeriod() + " ended before the order's time " + orderTime
                    + ": the license would be sold already expired");
        }
    }

    private static boolean isDateAlone(String text) {
        Matcher m = GRAMMAR.matcher(text);
        return m.matches() && m.group(4) == null;
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt((fraction + "00000000").substring(0, 9));
    }
}
