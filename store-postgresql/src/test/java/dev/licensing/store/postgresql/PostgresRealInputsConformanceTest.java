package dev.licensing.store.postgresql;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.RealInputsConformanceSuite;

/** The kinds of real input, unchanged, on an empty schema of its own for each store. */
class PostgresRealInputsConformanceTest extends RealInputsConformanceSuite {
    @Override
    protected LicenseStore openStore() {
        return PostgresLicenseStore.open(EmbeddedPostgresServer.shared().freshStoreUrl(), PostgresOptions.DEFAULTS);
    }
}
