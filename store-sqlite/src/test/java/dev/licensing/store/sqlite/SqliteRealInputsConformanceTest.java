package dev.licensing.store.sqlite;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.RealInputsConformanceSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The kinds of real input, unchanged, on a file database. */
class SqliteRealInputsConformanceTest extends RealInputsConformanceSuite {
    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();

    @Override
    protected LicenseStore openStore() {
        return SqliteLicenseStore.open(dir.resolve("inputs-" + files.incrementAndGet() + ".db"));
    }
}
