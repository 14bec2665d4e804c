package dev.licensing.store.memory;

import dev.licensing.api.EmailKey;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.LicenseUser;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.User;
import dev.licensing.api.store.KeptIdempotencyKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One company's data: what is committed, or what a transaction (or one write of it) adds on top. Not thread-safe: the
 * store mutates committed data only under its locks, and a transaction's data belongs to the transaction's thread.
 */
final class CompanyData {
    private final Map<String, StoredOrder> orders = new LinkedHashMap<>();
    private final Set<String> keys = new HashSet<>();
    private final Map<String, User> usersByEmail = new HashMap<>();
    private final Map<String, Customer> customersByEmail = new HashMap<>();
    private final Map<String, Customer> customersByReference = new HashMap<>();
    private final Map<String, License> licensesByKey = new HashMap<>();
    /** A user's licenses by user id, in write order (ids grow, so lowest id first). */
    private final Map<Long, List<License>> licensesByUser = new HashMap<>();

    /** Kept idempotency keys by key; a newer layer's replaces an older one's (an expired key kept again). */
    private final Map<String, KeptIdempotencyKey> idempotencyKeys = new HashMap<>();

    /** Customers with newer details than where they were created, by id; {@link CompanyView} applies them. */
    private final Map<Long, Customer> customerUpdates = new HashMap<>();

    /** The form in which emails are compared and keyed: the SPI's {@link EmailKey}. */
    static String emailKey(String email) {
        return EmailKey.of(email);
    }

    StoredOrder order(String orderId) {
        return orders.get(orderId);
    }

    boolean hasKey(String key) {
        return keys.contains(key);
    }

    License licenseByKey(String key) {
        return licensesByKey.get(key);
    }

    List<License> licensesOfUser(long userId) {
        return licensesByUser.getOrDefault(userId, List.of());
    }

    User user(String emailKey) {
        return usersByEmail.get(emailKey);
    }

    Customer customerByEmail(String emailKey) {
        return customersByEmail.get(emailKey);
    }

    Customer customerByReference(String reference) {
        return customersByReference.get(reference);
    }

    void addOrder(Order order) {
        orders.put(order.orderId(), new StoredOrder(order));
        addKeys(order.items());
    }

    /** Adds items to the order of {@code header}, which this layer may not hold yet (it lives in an older one). */
    Customer customerUpdate(long id) {
        return customerUpdates.get(id);
    }

    void updateCustomer(Customer customer) {
        customerUpdates.put(customer.id(), customer);
    }

    void addItems(Order header, List<OrderItem> items) {
        orders.computeIfAbsent(header.orderId(), id -> new StoredOrder(header)).addItems(items);
        addKeys(items);
    }

    KeptIdempotencyKey idempotencyKey(String key) {
        return idempotencyKeys.get(key);
    }

    void keepIdempotencyKey(KeptIdempotencyKey kept) {
        idempotencyKeys.put(kept.key(), kept);
    }

    void addUser(User user) {
        usersByEmail.put(emailKey(user.email()), user);
    }

    void addCustomer(Customer customer) {
        if (customer.email() != null) {
            customersByEmail.put(emailKey(customer.email()), customer);
        }
        if (customer.reference() != null) {
            customersByReference.putIfAbsent(customer.reference(), customer);
        }
    }

    /** Takes over everything of {@code newer}, a layer written after this one; {@code newer} is not used again. */
    void absorb(CompanyData newer) {
        newer.orders.forEach((orderId, order) -> {
            StoredOrder existing = orders.get(orderId);
            if (existing == null) {
                orders.put(orderId, order);
            } else {
                existing.addItems(order.items());
            }
        });
        keys.addAll(newer.keys);
        licensesByKey.putAll(newer.licensesByKey);
        newer.licensesByUser.forEach((user, licenses) ->
                licensesByUser.computeIfAbsent(user, u -> new ArrayList<>()).addAll(licenses));
        usersByEmail.putAll(newer.usersByEmail);
        customersByEmail.putAll(newer.customersByEmail);
        // The older customer keeps a shared reference: first created wins.
        newer.customersByReference.forEach(customersByReference::putIfAbsent);
        // Lookups through a CompanyView apply the newest details to the customer they find.
        customerUpdates.putAll(newer.customerUpdates);
        idempotencyKeys.putAll(newer.idempotencyKeys);
    }

    private void addKeys(List<OrderItem> items) {
        for (OrderItem item : items) {
            for (License license : item.licenses()) {
                if (license.key() != null) {
                    keys.add(license.key());
                    licensesByKey.put(license.key(), license);
                }
                for (LicenseUser user : license.users()) {
                    licensesByUser.computeIfAbsent(user.userId(), u -> new ArrayList<>()).add(license);
                }
            }
        }
    }
}
