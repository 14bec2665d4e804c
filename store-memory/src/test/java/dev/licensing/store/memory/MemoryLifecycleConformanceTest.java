package dev.licensing.store.memory;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.LifecycleConformanceSuite;

class MemoryLifecycleConformanceTest extends LifecycleConformanceSuite {
    @Override
    protected LicenseStore openStore() {
        return new MemoryLicenseStore();
    }
}
