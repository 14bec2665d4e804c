package dev.licensing.store.sqlite;

import java.nio.file.Path;
import java.util.List;

/** A child process of {@link ConcurrencyTest}: races another such process on one file's order ids. */
public final class RacingWriter {
    static final int THREADS = 2;
    static final int ORDERS = 300;
    static final int IDS = 100;

    private RacingWriter() {
    }

    public static void main(String[] args) throws Exception {
        try (SqliteLicenseStore store = SqliteLicenseStore.open(Path.of(args[0]))) {
            ConcurrencyTest.race(List.of(store), THREADS, ORDERS, IDS, args[1]);
        }
    }
}
