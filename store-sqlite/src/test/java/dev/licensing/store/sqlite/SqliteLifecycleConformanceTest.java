package dev.licensing.store.sqlite;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.LifecycleConformanceSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The license lifecycle's rules and races, unchanged, on a file database. */
class SqliteLifecycleConformanceTest extends LifecycleConformanceSuite {
    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();

    @Override
    protected LicenseStore openStore() {
        return SqliteLicenseStore.open(dir.resolve("lifecycle-" + files.incrementAndGet() + ".db"));
    }
}
