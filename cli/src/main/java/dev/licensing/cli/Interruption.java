package dev.licensing.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGTERM and SIGINT (Ctrl-C) during an import: the JVM runs its shutdown hooks and then ends the process with 128 +
 * the signal's number (143, 130). This hook asks the import to stop and waits until it has settled the batch it was
 * reading, flushed and closed its files and printed its summary, so that nothing committed is missing from the
 * responses file. A batch that cannot finish within {@link #GRACE} is left to the store, which rolls it back.
 */
final class Interruption {
    static final Duration GRACE = Duration.ofSeconds(60);

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stopAndWait, "licensing-import-interruption");

    private Interruption() {
    }

    /** Installs the hook; {@link #finished} must follow, whatever happens. */
    static Interruption install() {
        Interruption interruption = new Interruption();
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    /** Whether the process was asked to end: the import stops before its next line. */
    boolean requested() {
        return requested.get();
    }

    /** The import has ended and everything is flushed and closed: the process may end now. */
    void finished() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it returns now that the import finished, and the JVM ends the process.
        }
    }

    private void stopAndWait() {
        requested.set(true);
        try {
            finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
