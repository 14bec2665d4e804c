package dev.licensing.store.sqlite;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.VipConformanceSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The VIP Marketplace dialect, unchanged, on a file database. */
class SqliteVipConformanceTest extends VipConformanceSuite {
    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();

    @Override
    protected LicenseStore openStore() {
        return SqliteLicenseStore.open(dir.resolve("vip-" + files.incrementAndGet() + ".db"));
    }
}
