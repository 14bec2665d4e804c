package dev.licensing.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The total consumed of a license ({@code feature} empty) or of one of its features, in the period that starts at
 * {@code periodStart} ({@link Instant#EPOCH} for a consumption that never resets). A cache of the events: the
 * {@link LicenseEvent}s of kind CONSUMED with the same feature and period start sum to {@code total}.
 */
public record ConsumptionCounter(String feature, Instant periodStart, long total) {
    /** The feature of the license's own consumption. */
    public static final String LICENSE = "";

    public ConsumptionCounter {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(periodStart, "periodStart");
    }
}
