package dev.licensing.store.memory;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.VipRenewalConformanceSuite;

class MemoryVipRenewalConformanceTest extends VipRenewalConformanceSuite {
    @Override
    protected LicenseStore openStore() {
        return new MemoryLicenseStore();
    }
}
