package dev.licensing.store.postgresql;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.StoreConformanceSuite;

/** The SPI's conformance suite, unchanged, on an empty schema of its own for each store. */
class PostgresStoreConformanceTest extends StoreConformanceSuite {
    @Override
    protected LicenseStore openStore() {
        return PostgresLicenseStore.open(EmbeddedPostgresServer.shared().freshStoreUrl(), PostgresOptions.DEFAULTS);
    }
}
