package dev.licensing.store.postgresql;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.VipRenewalConformanceSuite;

/** VIP Marketplace renewals, unchanged, on an empty schema of its own for each store. */
class PostgresVipRenewalConformanceTest extends VipRenewalConformanceSuite {
    @Override
    protected LicenseStore openStore() {
        return PostgresLicenseStore.open(EmbeddedPostgresServer.shared().freshStoreUrl(), PostgresOptions.DEFAULTS);
    }
}
