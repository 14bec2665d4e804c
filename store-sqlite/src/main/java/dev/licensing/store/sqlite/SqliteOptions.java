package dev.licensing.store.sqlite;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SqliteLicenseStore} opens its file.
 *
 * @param synchronous    how hard SQLite pushes each commit to disk (see the module's README for what each risks)
 * @param busyTimeout    how long a transaction waits for the write lock held by another instance or process, and a
 *                       reader for a pooled connection, before failing with a {@code StoreException}
 * @param readerPoolSize how many read-only connections serve {@code read} and {@code catalog} at once
 */
public record SqliteOptions(Synchronous synchronous, Duration busyTimeout, int readerPoolSize) {

    /** SQLite's {@code PRAGMA synchronous} settings that are safe to combine with WAL. */
    public enum Synchronous { OFF, NORMAL, FULL }

    /** NORMAL, 10 seconds, 4 readers. */
    public static final SqliteOptions DEFAULTS = new SqliteOptions(Synchronous.NORMAL, Duration.ofSeconds(10), 4);

    public SqliteOptions {
        Objects.requireNonNull(synchronous, "synchronous");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout must be between 0 and " + Integer.MAX_VALUE + " ms");
        }
        if (readerPoolSize < 1) {
            throw new IllegalArgumentException("readerPoolSize must be at least 1: " + readerPoolSize);
        }
    }

    public SqliteOptions withSynchronous(Synchronous value) {
        return new SqliteOptions(value, busyTimeout, readerPoolSize);
    }

    public SqliteOptions withBusyTimeout(Duration value) {
        return new SqliteOptions(synchronous, value, readerPoolSize);
    }

    public SqliteOptions withReaderPoolSize(int value) {
        return new SqliteOptions(synchronous, busyTimeout, value);
    }
}
