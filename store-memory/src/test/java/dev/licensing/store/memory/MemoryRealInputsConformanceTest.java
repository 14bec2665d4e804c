package dev.licensing.store.memory;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.RealInputsConformanceSuite;

class MemoryRealInputsConformanceTest extends RealInputsConformanceSuite {
    @Override
    protected LicenseStore openStore() {
        return new MemoryLicenseStore();
    }
}
