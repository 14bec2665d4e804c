package dev.licensing.core.importing;

import java.time.Duration;

/**
 * The counts of a finished import. {@code read} counts the lines that held something (blank lines are not orders);
 * each of them was created, skipped or rejected.
 */
public record ImportSummary(long read, long created, long skipped, long rejected, Duration elapsed) {

    /** Lines read a second over the whole import (0 when no time passed). */
    public double ordersPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? read / seconds : 0;
    }
}
