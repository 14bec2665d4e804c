package dev.licensing.cli;

import java.io.PrintWriter;
import java.time.Duration;

/** Progress of {@code licensing import} on stderr: told the number of the line whose outcome was just reported. */
interface ImportProgress extends AutoCloseable {

    void at(long line);

    @Override
    void close();

    /** A live bar with its speed and ETA on a terminal; otherwise (a log, a pipe) a plain line every few seconds. */
    static ImportProgress start(long totalLines, PrintWriter err) {
        if (System.console() != null) {
            return new TerminalBar(totalLines);
        }
        return new PlainLines(err, totalLines, Duration.ofSeconds(5), System::nanoTime);
    }
}
