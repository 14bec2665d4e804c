package dev.licensing.core.internal.plan;

import dev.licensing.api.model.Warning;

import java.util.List;
import java.util.stream.Stream;

/**
 * A request that passed validation, with every license resolved: what the store transaction needs to write it, less
 * what only the store can tell (is the id taken, which users and customers exist, which keys are free).
 */
public record PlannedOrder(String company, OrderHeader header, List<PlannedItem> items, List<Warning> warnings) {
    public PlannedOrder {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }

    /**
     * An upper bound of the ids its records take: the order, a customer, each item, and each license with its users and
     * features (a user or customer that exists takes none).
     */
    public long idsNeeded() {
        long count = header.customer() == null ? 1 : 2;
        for (PlannedItem item : items) {
            count += 1;
            for (PlannedLicense license : item.licenses()) {
                count += 1 + license.users().size() + license.features().size();
            }
        }
        return count;
    }

    /** Every license of the order, item by item, each bundle license before its sub-licenses. */
    public Stream<PlannedLicense> licenses() {
        return items.stream().flatMap(item -> item.licenses().stream());
    }
}
