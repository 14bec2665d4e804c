package dev.licensing.store.memory;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.testkit.EngineConformanceSuite;

class MemoryEngineConformanceTest extends EngineConformanceSuite {
    @Override
    protected LicenseStore openStore() {
        return new MemoryLicenseStore();
    }
}
