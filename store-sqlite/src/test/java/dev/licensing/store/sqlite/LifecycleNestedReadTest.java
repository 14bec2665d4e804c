package dev.licensing.store.sqlite;

import dev.licensing.api.lifecycle.Activate;
import dev.licensing.api.lifecycle.Check;
import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.wire.CatalogJson;
import dev.licensing.testkit.LifecycleConformanceSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lifecycle operation reads the catalog before its store call, never inside it: with every reader connection held
 * by checks, a catalog read nested in one would wait for a connection its own caller holds (found by the JMH run with
 * four threads and four readers). One reader connection and a cold catalog cache show it in one call.
 */
class LifecycleNestedReadTest {
    @TempDir
    Path dir;

    @Test
    void aCheckWithAColdCatalogCacheNeedsOnlyOneReaderConnection() {
        SqliteOptions oneReader = SqliteOptions.DEFAULTS.withReaderPoolSize(1).withBusyTimeout(Duration.ofSeconds(2));
        try (SqliteLicenseStore store = SqliteLicenseStore.open(dir.resolve("one-reader.db"), oneReader)) {
            LicenseEngine warm = engine(store);
            warm.replaceCatalog("acme", new CatalogJson().read(LifecycleConformanceSuite.CATALOG));
            warm.createOrderJson("acme", "{\"id\": \"o-1\", \"items\": [{\"product_code\": \"APP\", "
                    + "\"licenses\": [{\"key\": \"K-1\"}]}]}");
            warm.activate("acme", new Activate(new LicenseRef.Key("APP", "K-1"), "H1", null, false));

            LicenseEngine cold = engine(store);
            assertThat(cold.check("acme", new Check(new LicenseRef.Key("APP", "K-1"), "H1", false)).timesActivated())
                    .isEqualTo(1);
        }
    }

    private static LicenseEngine engine(SqliteLicenseStore store) {
        return LicenseEngine.builder(store).clock(Clock.fixed(Instant.parse("2025-03-25T10:00:00Z"), ZoneOffset.UTC))
                .random(new Random(5)).build();
    }
}
