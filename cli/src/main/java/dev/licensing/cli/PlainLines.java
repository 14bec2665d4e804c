package dev.licensing.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress for a log or a pipe, where a redrawn bar would be noise: one line each {@code every}, such as
 * {@code import: line 42000 of 100000 (42%), 8400 lines/s, ETA 7 s}.
 */
final class PlainLines implements ImportProgress {
    private final PrintWriter err;
    private final long totalLines;
    private final long everyNanos;
    private final LongSupplier nanoTime;
    private final long started;
    private long nextReport;

    PlainLines(PrintWriter err, long totalLines, Duration every, LongSupplier nanoTime) {
        this.err = err;
        this.totalLines = totalLines;
        this.everyNanos = every.toNanos();
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.nextReport = started + everyNanos;
    }

    @Override
    public void at(long line) {
        long now = nanoTime.getAsLong();
        if (now - nextReport < 0) {
            return;
        }
        nextReport = now + everyNanos;
        double seconds = (now - started) / 1e9;
        double perSecond = seconds > 0 ? line / seconds : 0;
        long percent = totalLines > 0 ? line * 100 / totalLines : 100;
        String eta = perSecond > 0 ? Math.round((totalLines - line) / perSecond) + " s" : "unknown";
        err.println(String.format(Locale.ROOT, "import: line %d of %d (%d%%), %.0f lines/s, ETA %s",
                line, totalLines, percent, perSecond, eta));
        err.flush();
    }

    @Override
    public void close() {
        err.flush();
    }
}
