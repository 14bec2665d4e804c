package dev.licensing.store.memory;

import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.User;
import dev.licensing.api.store.KeptIdempotencyKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A company's data seen through its layers, oldest first: the committed data, then a transaction's changes, then the
 * write being checked. A value found in an older layer wins, which makes "first created" the older one.
 */
final class CompanyView {
    private final List<CompanyData> layers;

    /** {@code layers} oldest first; {@code null} stands for a layer that holds nothing for the company. */
    CompanyView(CompanyData... layers) {
        this.layers = new ArrayList<>(layers.length);
        for (CompanyData layer : layers) {
            if (layer != null) {
                this.layers.add(layer);
            }
        }
    }

    /** The whole order: the header from the layer that created it, the items of every layer in write order. */
    Optional<Order> order(String orderId) {
        Order header = header(orderId);
        if (header == null) {
            return Optional.empty();
        }
        List<OrderItem> items = new ArrayList<>();
        for (CompanyData layer : layers) {
            StoredOrder stored = layer.order(orderId);
            if (stored != null) {
                items.addAll(stored.items());
            }
        }
        return Optional.of(header.withItems(items));
    }

    Order header(String orderId) {
        StoredOrder stored = oldest(layer -> layer.order(orderId));
        return stored == null ? null : stored.header();
    }

    boolean hasKey(String key) {
        return oldest(layer -> layer.hasKey(key) ? key : null) != null;
    }

    License licenseByKey(String key) {
        return oldest(layer -> layer.licenseByKey(key));
    }

    /** The user's licenses of every layer, oldest first. */
    List<License> licensesOfUser(long userId) {
        List<License> licenses = new ArrayList<>();
        for (CompanyData layer : layers) {
            licenses.addAll(layer.licensesOfUser(userId));
        }
        return licenses;
    }

    User user(String emailKey) {
        return oldest(layer -> layer.user(emailKey));
    }

    Customer customerByEmail(String emailKey) {
        return latestDetails(oldest(layer -> layer.customerByEmail(emailKey)));
    }

    Customer customerByReference(String reference) {
        return latestDetails(oldest(layer -> layer.customerByReference(reference)));
    }

    /** The key as the newest layer that keeps it has it: a kept key is replaced only once it expired. */
    KeptIdempotencyKey idempotencyKey(String key) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            KeptIdempotencyKey kept = layers.get(i).idempotencyKey(key);
            if (kept != null) {
                return kept;
            }
        }
        return null;
    }

    /** The customer as its newest layer's update has it: the first created customer, the latest details. */
    private Customer latestDetails(Customer customer) {
        if (customer == null) {
            return null;
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            Customer updated = layers.get(i).customerUpdate(customer.id());
            if (updated != null) {
                return updated;
            }
        }
        return customer;
    }

    private <T> T oldest(Function<CompanyData, T> lookup) {
        for (CompanyData layer : layers) {
            T found = lookup.apply(layer);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
