package dev.licensing.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One lifecycle operation's changes to one license, written by {@link StoreTransaction#writeLifecycle}.
 *
 * @param state       the license's new state (written whole), or {@code null} when the operation leaves it as it was
 * @param deactivated hardware ids whose active row ends at {@code at}; applied before {@code activations}
 * @param activations active rows to insert, or to replace (same license and hardware id)
 * @param counters    counters to insert or replace (same license and feature)
 * @param events      appended to the license's event log, in order
 */
public record LifecycleWrite(String company, long licenseId, Instant at, LicenseState state, List<String> deactivated,
                             List<Activation> activations, List<ConsumptionCounter> counters,
                             List<LicenseEvent> events) {
    public LifecycleWrite {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(at, "at");
        deactivated = deactivated == null ? List.of() : List.copyOf(deactivated);
        activations = activations == null ? List.of() : List.copyOf(activations);
        counters = counters == null ? List.of() : List.copyOf(counters);
        events = events == null ? List.of() : List.copyOf(events);
    }
}
