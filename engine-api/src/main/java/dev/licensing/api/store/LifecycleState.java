package dev.licensing.api.store;

import java.util.List;
import java.util.Objects;

/** A license's lifecycle as the store holds it: its state, its active devices (by id) and its counters. */
public record LifecycleState(LicenseState license, List<Activation> activations, List<ConsumptionCounter> counters) {
    public LifecycleState {
        Objects.requireNonNull(license, "license");
        activations = activations == null ? List.of() : List.copyOf(activations);
        counters = counters == null ? List.of() : List.copyOf(counters);
    }
}
