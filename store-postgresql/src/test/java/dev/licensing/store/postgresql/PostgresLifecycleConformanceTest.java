package dev.licensing.store.postgresql;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.LifecycleConformanceSuite;

/**
 * The license lifecycle's rules and races (the last activation slot among racing threads included), unchanged, on an
 * empty schema of its own for each store.
 */
class PostgresLifecycleConformanceTest extends LifecycleConformanceSuite {
    @Override
    protected LicenseStore openStore() {
        return PostgresLicenseStore.open(EmbeddedPostgresServer.shared().freshStoreUrl(), PostgresOptions.DEFAULTS);
    }
}
