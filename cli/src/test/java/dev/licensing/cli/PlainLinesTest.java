package dev.licensing.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PlainLinesTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void onlyOneLineEveryIntervalWithTheSpeedAndTheTimeLeft() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong(0);
        PlainLines progress = new PlainLines(new PrintWriter(text), 1000, Duration.ofSeconds(5), now::get);

        now.set(SECOND);
        progress.at(100);
        now.set(5 * SECOND);
        progress.at(250);
        now.set(6 * SECOND);
        progress.at(300);

        assertThat(text.toString().lines())
                .containsExactly("import: line 250 of 1000 (25%), 50 lines/s, ETA 15 s");
    }
}
