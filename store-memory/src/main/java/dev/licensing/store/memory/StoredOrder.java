package dev.licensing.store.memory;

import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;

import java.util.ArrayList;
import java.util.List;

/** An order as kept: its header and a growing list of items, so that an append costs the new items only. */
final class StoredOrder {
    private final Order header;
    private final List<OrderItem> items = new ArrayList<>();

    StoredOrder(Order order) {
        this.header = order.withItems(List.of());
        this.items.addAll(order.items());
    }

    Order header() {
        return header;
    }

    List<OrderItem> items() {
        return items;
    }

    void addItems(List<OrderItem> more) {
        items.addAll(more);
    }
}
