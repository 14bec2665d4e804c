package dev.licensing.store.postgresql;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.VipConformanceSuite;

/** The VIP Marketplace dialect, unchanged, on an empty schema of its own for each store. */
class PostgresVipConformanceTest extends VipConformanceSuite {
    @Override
    protected LicenseStore openStore() {
        return PostgresLicenseStore.open(EmbeddedPostgresServer.shared().freshStoreUrl(), PostgresOptions.DEFAULTS);
    }
}
