package dev.licensing.testkit;

import dev.licensing.api.store.Activation;
import dev.licensing.api.store.ConsumptionCounter;
import dev.licensing.api.store.LicenseEvent;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.LifecycleState;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit's check after every lifecycle test that the store's caches agree with its append-only log: each counter
 * equals the sum of its period's consumption events, and the active devices are exactly those the activation and
 * deactivation events leave.
 */
final class LifecycleLedger {
    private LifecycleLedger() {
    }

    static void assertConsistent(LicenseStore store, String company, long licenseId) {
        store.read(reader -> {
            LifecycleState state = reader.lifecycleState(company, licenseId);
            List<LicenseEvent> events = reader.licenseEvents(company, licenseId);
            for (int i = 1; i < events.size(); i++) {
                assertThat(events.get(i).id()).as("events of license %s in id order", licenseId)
                        .isGreaterThan(events.get(i - 1).id());
            }
            Map<String, Long> sums = new HashMap<>();
            Set<String> devices = new LinkedHashSet<>();
            for (LicenseEvent event : events) {
                switch (event.kind()) {
                    case CONSUMED -> {
                        assertThat(event.periodStart()).isBeforeOrEqualTo(event.at());
                        sums.merge(event.feature() + "@" + event.periodStart(), event.amount(), Long::sum);
                    }
                    case ACTIVATED -> devices.add(event.hardwareId());
                    case DEACTIVATED -> devices.remove(event.hardwareId());
                    default -> { }
                }
            }
            for (ConsumptionCounter counter : state.counters()) {
                assertThat(sums.getOrDefault(counter.feature() + "@" + counter.periodStart(), 0L))
                        .as("license %s counter %s of period %s against its events", licenseId, counter.feature(),
                                counter.periodStart())
                        .isEqualTo(counter.total());
            }
            assertThat(state.activations()).extracting(Activation::hardwareId)
                    .as("active devices of license %s against its events", licenseId)
                    .containsExactlyInAnyOrderElementsOf(devices);
            long activations = events.stream().filter(e -> e.kind() == LicenseEvent.Kind.ACTIVATED).count();
            if (activations > 0) {
                assertThat(state.license().firstActivatedAt()).isEqualTo(events.stream()
                        .filter(e -> e.kind() == LicenseEvent.Kind.ACTIVATED).findFirst().orElseThrow().at());
            }
            return null;
        });
    }
}
