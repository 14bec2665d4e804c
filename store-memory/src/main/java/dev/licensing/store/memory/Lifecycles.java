package dev.licensing.store.memory;

import dev.licensing.api.store.LicenseEvent;
import dev.licensing.api.store.LicenseState;
import dev.licensing.api.store.LifecycleState;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lifecycle reads over committed logs, or a transaction's forks over them. Ids are store-wide, so no company. */
final class Lifecycles {
    private final Map<Long, LicenseLog> committed;
    private final Map<Long, LicenseLog> pending;

    Lifecycles(Map<Long, LicenseLog> committed, Map<Long, LicenseLog> pending) {
        this.committed = committed;
        this.pending = pending;
    }

    private LicenseLog log(long licenseId) {
        LicenseLog own = pending.get(licenseId);
        return own != null ? own : committed.get(licenseId);
    }

    LifecycleState state(long licenseId) {
        LicenseLog log = log(licenseId);
        return log == null ? new LifecycleState(LicenseState.initial(licenseId), List.of(), List.of()) : log.snapshot();
    }

    Optional<LicenseEvent> request(long licenseId, String requestId) {
        LicenseLog log = log(licenseId);
        return log == null ? Optional.empty() : Optional.ofNullable(log.request(requestId));
    }

    List<LicenseEvent> events(long licenseId) {
        LicenseLog log = log(licenseId);
        return log == null ? List.of() : log.events();
    }
}
