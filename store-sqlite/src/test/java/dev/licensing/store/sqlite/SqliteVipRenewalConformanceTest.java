package dev.licensing.store.sqlite;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.VipRenewalConformanceSuite;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** VIP Marketplace renewals, unchanged, on a file database. */
class SqliteVipRenewalConformanceTest extends VipRenewalConformanceSuite {
    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();

    @Override
    protected LicenseStore openStore() {
        return SqliteLicenseStore.open(dir.resolve("renewals-" + files.incrementAndGet() + ".db"));
    }
}
