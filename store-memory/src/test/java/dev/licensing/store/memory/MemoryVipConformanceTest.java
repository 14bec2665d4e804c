package dev.licensing.store.memory;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.VipConformanceSuite;

class MemoryVipConformanceTest extends VipConformanceSuite {
    @Override
    protected LicenseStore openStore() {
        return new MemoryLicenseStore();
    }
}
