package dev.licensing.testkit;

import dev.licensing.api.EmailKey;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.User;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.StoreReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The suite's model of the store: every value a test tried to write (order ids, keys, emails, references; the probes)
 * and what it committed. {@link #expected()} is what the store must answer for the probes; a store that kept part of a
 * rolled-back write, or lost part of a committed one, answers differently. Thread-safe.
 */
final class Ledger {
    private final Map<String, CompanyLedger> companies = new TreeMap<>();

    /** Records the values of {@code writes} as probes; call before writing them, whether or not they will commit. */
    synchronized void attempted(List<OrderWrite> writes) {
        for (OrderWrite write : writes) {
            CompanyLedger company = company(write.order().company());
            company.orderIds.add(write.order().orderId());
            company.keys.addAll(keysOf(write.order().items()));
            write.newUsers().forEach(user -> company.userEmails.add(user.email()));
            Customer customer = write.newCustomer();
            if (customer != null) {
                if (customer.email() != null) {
                    company.customerEmails.add(customer.email());
                }
                if (customer.reference() != null) {
                    company.references.add(customer.reference());
                }
            }
        }
    }

    /** Records {@code writes} as committed, in commit order. */
    synchronized void committed(List<OrderWrite> writes) {
        for (OrderWrite write : writes) {
            CompanyLedger company = company(write.order().company());
            Order order = write.order();
            if (write.append()) {
                Order existing = company.orders.get(order.orderId());
                List<OrderItem> items = new ArrayList<>(existing.items());
                items.addAll(order.items());
                company.orders.put(order.orderId(), existing.withItems(items));
            } else {
                company.orders.put(order.orderId(), order);
            }
            write.newUsers().forEach(user -> company.users.put(EmailKey.of(user.email()), user));
            Customer customer = write.newCustomer();
            if (customer != null) {
                if (customer.email() != null) {
                    company.customersByEmail.put(EmailKey.of(customer.email()), customer);
                }
                if (customer.reference() != null) {
                    company.customersByReference.putIfAbsent(customer.reference(), customer);
                }
            }
            Customer updated = write.updatedCustomer();
            if (updated != null) {
                company.customersByEmail.replaceAll((email, known) -> known.id() == updated.id() ? updated : known);
                company.customersByReference.replaceAll(
                        (reference, known) -> known.id() == updated.id() ? updated : known);
            }
        }
    }

    /** The committed order, as the ledger knows it. */
    synchronized Order order(String company, String orderId) {
        return company(company).orders.get(orderId);
    }

    /** What the store must answer for every probe. */
    synchronized StoreState expected() {
        Map<String, StoreState.CompanyState> states = new TreeMap<>();
        companies.forEach((name, company) -> states.put(name, company.expected()));
        return new StoreState(states);
    }

    /** What {@code store} answers for every probe, read in one snapshot. */
    StoreState readBack(LicenseStore store) {
        Map<String, CompanyLedger> probes;
        synchronized (this) {
            probes = new TreeMap<>();
            companies.forEach((name, company) -> probes.put(name, company.copyOfProbes()));
        }
        return store.read(reader -> {
            Map<String, StoreState.CompanyState> states = new TreeMap<>();
            probes.forEach((name, company) -> states.put(name, company.readBack(reader, name)));
            return new StoreState(states);
        });
    }

    static List<String> keysOf(List<OrderItem> items) {
        List<String> keys = new ArrayList<>();
        for (OrderItem item : items) {
            for (License license : item.licenses()) {
                if (license.key() != null) {
                    keys.add(license.key());
                }
            }
        }
        return keys;
    }

    private CompanyLedger company(String name) {
        return companies.computeIfAbsent(name, n -> new CompanyLedger());
    }

    private static final class CompanyLedger {
        final Set<String> orderIds = new LinkedHashSet<>();
        final Set<String> keys = new LinkedHashSet<>();
        final Set<String> userEmails = new LinkedHashSet<>();
        final Set<String> customerEmails = new LinkedHashSet<>();
        final Set<String> references = new LinkedHashSet<>();

        final Map<String, Order> orders = new LinkedHashMap<>();
        final Map<String, User> users = new HashMap<>();
        final Map<String, Customer> customersByEmail = new HashMap<>();
        final Map<String, Customer> customersByReference = new HashMap<>();

        CompanyLedger copyOfProbes() {
            CompanyLedger copy = new CompanyLedger();
            copy.orderIds.addAll(orderIds);
            copy.keys.addAll(keys);
            copy.userEmails.addAll(userEmails);
            copy.customerEmails.addAll(customerEmails);
            copy.references.addAll(references);
            return copy;
        }

        StoreState.CompanyState expected() {
            Map<String, Order> headers = new HashMap<>();
            orders.forEach((orderId, order) -> headers.put(orderId, order.withItems(List.of())));
            Set<String> committedKeys = new LinkedHashSet<>();
            orders.values().forEach(order -> committedKeys.addAll(keysOf(order.items())));
            committedKeys.retainAll(keys);
            return new StoreState.CompanyState(Map.copyOf(orders), Map.copyOf(headers), Set.copyOf(committedKeys),
                    byEmail(userEmails, users), byEmail(customerEmails, customersByEmail),
                    Map.copyOf(customersByReference));
        }

        StoreState.CompanyState readBack(StoreReader reader, String company) {
            Map<String, Order> found = new HashMap<>();
            for (String orderId : orderIds) {
                reader.findOrder(company, orderId).ifPresent(order -> found.put(orderId, order));
            }
            return new StoreState.CompanyState(Map.copyOf(found),
                    Map.copyOf(reader.findOrderHeaders(company, orderIds)),
                    Set.copyOf(reader.existingKeys(company, keys)),
                    Map.copyOf(reader.findUsers(company, userEmails)),
                    Map.copyOf(reader.findCustomersByEmail(company, customerEmails)),
                    Map.copyOf(reader.findCustomersByReference(company, references)));
        }

        private static <T> Map<String, T> byEmail(Set<String> emails, Map<String, T> committed) {
            Map<String, T> found = new HashMap<>();
            for (String email : emails) {
                T value = committed.get(EmailKey.of(email));
                if (value != null) {
                    found.put(EmailKey.of(email), value);
                }
            }
            return Map.copyOf(found);
        }
    }
}
