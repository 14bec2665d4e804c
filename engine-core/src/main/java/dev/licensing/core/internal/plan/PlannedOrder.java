package dev.licensing.core.internal.plan;

import dev.licensing.api.model.Warning;
import dev.licensing.api.order.OrderRequest;

import java.time.Instant;
import java.util.List;

/**
 * A request that passed validation, with every license resolved: what the store transaction needs to write it, less
 * what only the store can tell (is the id taken, which users and customers exist, are the keys free).
 *
 * @param createdAt the instant of the request's {@code created}, else the clock's now
 */
public record PlannedOrder(String company, OrderRequest request, Instant createdAt, List<PlannedItem> items,
                           List<Warning> warnings) {
    public PlannedOrder {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }
}
