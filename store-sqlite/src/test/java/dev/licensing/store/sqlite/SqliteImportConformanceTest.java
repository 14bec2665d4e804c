package dev.licensing.store.sqlite;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.ImportConformanceSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Bulk import, unchanged, on a file database. */
class SqliteImportConformanceTest extends ImportConformanceSuite {
    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();

    @Override
    protected LicenseStore openStore() {
        return SqliteLicenseStore.open(dir.resolve("import-" + files.incrementAndGet() + ".db"));
    }
}
