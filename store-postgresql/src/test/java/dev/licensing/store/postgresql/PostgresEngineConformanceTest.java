package dev.licensing.store.postgresql;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.EngineConformanceSuite;

/** The engine's order rules, unchanged, on an empty schema of its own for each store. */
class PostgresEngineConformanceTest extends EngineConformanceSuite {
    @Override
    protected LicenseStore openStore() {
        return PostgresLicenseStore.open(EmbeddedPostgresServer.shared().freshStoreUrl(), PostgresOptions.DEFAULTS);
    }
}
