package dev.licensing.core.internal.lifecycle;

import dev.licensing.api.LicenseDuration;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseType;
import dev.licensing.core.internal.rules.Dates;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * When a license, its maintenance or a feature ends (lifecycle.md "Expiry is fixed at the first activation"). The
 * values were checked when the order was written, so an unreadable one here is a bug, not input.
 */
final class Ends {
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");

    private Ends() {
    }

    /**
     * The instant an end written as {@code text} ends: a date alone means the whole named day (DESIGN §3), so its next
     * midnight UTC.
     */
    static Instant endOf(String text) {
        Instant at = instant(text);
        return DATE_ONLY.matcher(text).matches() ? at.plus(Duration.ofDays(1)) : at;
    }

    /** A start written as {@code text}: a date alone is its midnight UTC. */
    static Instant startOf(String text) {
        return instant(text);
    }

    /**
     * The license's end for a first activation at {@code first}: unless perpetual, the given {@code validity_period},
     * else {@code valid_duration} after {@code first}; else for a trial with {@code trial_days}, that many days after
     * it; else none.
     */
    static Instant validity(LicenseProperties p, Instant first) {
        if (p.licenseType() != LicenseType.PERPETUAL) {
            if (p.validityPeriod() != null) {
                return endOf(p.validityPeriod());
            }
            if (p.validDuration() != null) {
                return LicenseDuration.parse(p.validDuration()).addTo(first);
            }
        }
        if (Boolean.TRUE.equals(p.isTrial()) && p.trialDays() != null && p.trialDays() > 0) {
            return first.plus(Duration.ofDays(p.trialDays()));
        }
        return null;
    }

    /**
     * Maintenance's end: the given {@code maintenance_period}, else, with {@code enable_maintenance_period},
     * {@code maintenance_duration} after {@code first} (a duration the license does not enable is not shown either).
     */
    static Instant maintenance(LicenseProperties p, Instant first) {
        if (p.maintenancePeriod() != null) {
            return endOf(p.maintenancePeriod());
        }
        return Boolean.TRUE.equals(p.enableMaintenancePeriod()) && p.maintenanceDuration() != null
                ? LicenseDuration.parse(p.maintenanceDuration()).addTo(first) : null;
    }

    /** Whether a license that ends at {@code end} is expired at {@code now}: a subscription's grace hours added. */
    static boolean expired(LicenseProperties p, Instant end, Instant now) {
        if (end == null) {
            return false;
        }
        Instant last = end;
        if (p.licenseType() == LicenseType.SUBSCRIPTION && Boolean.TRUE.equals(p.allowGracePeriod())
                && p.gracePeriod() != null) {
            last = end.plus(Duration.ofHours(p.gracePeriod()));
        }
        return !now.isBefore(last);
    }

    private static Instant instant(String text) {
        return Dates.parse(text).orElseThrow(
                () -> new IllegalStateException("a stored date the order's checks let through is unreadable: " + text));
    }
}
