package dev.licensing.store.postgresql;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.ImportConformanceSuite;

/** Bulk import's rules, unchanged, on an empty schema of its own for each store. */
class PostgresImportConformanceTest extends ImportConformanceSuite {
    @Override
    protected LicenseStore openStore() {
        return PostgresLicenseStore.open(EmbeddedPostgresServer.shared().freshStoreUrl(), PostgresOptions.DEFAULTS);
    }
}
