package dev.licensing.store.memory;

import dev.licensing.api.store.Activation;
import dev.licensing.api.store.ConsumptionCounter;
import dev.licensing.api.store.LicenseEvent;
import dev.licensing.api.store.LicenseState;
import dev.licensing.api.store.LifecycleState;
import dev.licensing.api.store.LifecycleWrite;
import dev.licensing.api.store.StoreException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One license's lifecycle as kept in memory: state, active devices, counters and the event log. A transaction works on
 * a {@link #fork} that shares nothing mutable with the committed log but the events, which it only appends to on
 * {@link #absorb}; so a fork costs the devices and counters, never the log.
 */
final class LicenseLog {
    private LicenseState state;
    private final Map<String, Activation> active;
    private final Map<String, ConsumptionCounter> counters;
    /** Committed events, or, in a fork, only the fork's new ones. */
    private final List<LicenseEvent> events = new ArrayList<>();
    private final Map<String, LicenseEvent> byRequest = new HashMap<>();
    private final LicenseLog base;

    LicenseLog(long licenseId) {
        this(LicenseState.initial(licenseId), new LinkedHashMap<>(), new LinkedHashMap<>(), null);
    }

    private LicenseLog(LicenseState state, Map<String, Activation> active, Map<String, ConsumptionCounter> counters,
                       LicenseLog base) {
        this.state = state;
        this.active = active;
        this.counters = counters;
        this.base = base;
    }

    /** A copy to change in a transaction; {@link #absorb} it into this log on commit. */
    LicenseLog fork() {
        return new LicenseLog(state, new LinkedHashMap<>(active), new LinkedHashMap<>(counters), this);
    }

    LifecycleState snapshot() {
        return new LifecycleState(state, List.copyOf(active.values()), List.copyOf(counters.values()));
    }

    LicenseEvent request(String requestId) {
        LicenseEvent own = byRequest.get(requestId);
        return own != null || base == null ? own : base.request(requestId);
    }

    List<LicenseEvent> events() {
        if (base == null) {
            return List.copyOf(events);
        }
        List<LicenseEvent> all = new ArrayList<>(base.events());
        all.addAll(events);
        return all;
    }

    void apply(LifecycleWrite write) {
        for (LicenseEvent event : write.events()) {
            if (event.requestId() != null && request(event.requestId()) != null) {
                throw new StoreException("request id '" + event.requestId() + "' is already logged for license "
                        + write.licenseId(), null);
            }
        }
        write.deactivated().forEach(active::remove);
        write.activations().forEach(activation -> active.put(activation.hardwareId(), activation));
        write.counters().forEach(counter -> counters.put(counter.feature(), counter));
        if (write.state() != null) {
            state = write.state();
        }
        for (LicenseEvent event : write.events()) {
            events.add(event);
            if (event.requestId() != null) {
                byRequest.put(event.requestId(), event);
            }
        }
    }

    /** Takes over {@code fork}'s changes; the caller holds the lock that keeps readers out. */
    void absorb(LicenseLog fork) {
        state = fork.state;
        active.clear();
        active.putAll(fork.active);
        counters.clear();
        counters.putAll(fork.counters);
        events.addAll(fork.events);
        byRequest.putAll(fork.byRequest);
    }
}
