package dev.licensing.core.internal.settle;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.User;
import dev.licensing.api.order.CustomerRequest;
import dev.licensing.api.order.UserRequest;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.core.internal.errors.Problems;
import dev.licensing.core.internal.plan.PlannedLicense;
import dev.licensing.core.internal.plan.PlannedOrder;
import dev.licensing.core.internal.rules.Appending;
import dev.licensing.core.internal.rules.Customers;
import dev.licensing.core.internal.rules.Emails;
import dev.licensing.core.internal.rules.LicenseKeys;
import dev.licensing.core.internal.rules.Users;
import dev.licensing.core.internal.rules.Users.NewUser;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Settlement (DESIGN §2), inside the store transaction: decides for a batch of planned orders of one company only what
 * the store knows (which order ids and keys are taken, which users and customers exist, which order an append adds to)
 * and is the one place the engine draws a key. It asks the store once each about the batch's ids, keys, emails and
 * customers; each order it accepts then counts, for the orders after it, as written.
 *
 * <p>Random draws keep one order, so that a seed repeats a run exactly: first every generated key of the batch, order
 * by order; then, order by order as each is settled, the keys drawn again for a collision and the new users' passwords.
 */
public final class Settlement {
    private final StoreTransaction tx;
    private final String company;
    private final Random random;
    private final Map<PlannedLicense, String> drawn = new IdentityHashMap<>();
    private final Map<String, Order> headers;
    private final Set<String> keysTaken;
    private final Users users;
    private final Map<String, Customer> customersByEmail;
    private final Map<String, Customer> customersByReference;

    public Settlement(StoreTransaction tx, String company, List<PlannedOrder> batch, Random random) {
        this.tx = tx;
        this.company = company;
        this.random = random;
        batch.forEach(this::drawKeys);
        Set<String> orderIds = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> customerEmails = new LinkedHashSet<>();
        Set<String> references = new LinkedHashSet<>();
        for (PlannedOrder planned : batch) {
            if (!planned.company().equals(company)) {
                throw new IllegalArgumentException("a batch holds the orders of one company");
            }
            orderIds.add(planned.header().orderId());
            planned.licenses().forEach(license -> {
                String key = keyOf(license);
                if (key != null) {
                    keys.add(key);
                }
                license.users().forEach(u -> emails.add(Emails.normalize(u.email())));
            });
            CustomerRequest customer = planned.header().customer();
            if (customer != null) {
                if (customer.email() != null) {
                    customerEmails.add(Emails.normalize(customer.email()));
                }
                if (customer.reference() != null) {
                    references.add(customer.reference());
                }
            }
        }
        this.headers = new HashMap<>(tx.findOrderHeaders(company, orderIds));
        this.keysTaken = new HashSet<>(tx.existingKeys(company, keys));
        this.users = new Users(emails.isEmpty() ? Map.of() : tx.findUsers(company, emails));
        this.customersByEmail = new HashMap<>(
                customerEmails.isEmpty() ? Map.of() : tx.findCustomersByEmail(company, customerEmails));
        this.customersByReference = new HashMap<>(
                references.isEmpty() ? Map.of() : tx.findCustomersByReference(company, references));
    }

    /** Decides one order of the batch, in batch order; an accepted one must be {@link #written} before the next. */
    public Settled settle(PlannedOrder planned) {
        Problems violations = new Problems();
        Order target = Appending.target(planned.header().orderId(), planned.header().append(),
                planned.header().bundle(), headers.get(planned.header().orderId()), violations)
                .orElse(null);
        Map<PlannedLicense, String> keys = settleKeys(planned, violations);
        if (!violations.isEmpty()) {
            return Settled.rejected(planned, violations.errors());
        }
        CustomerRequest given = planned.header().customer();
        Customer matched = target == null && given != null
                ? Customers.match(given, customersByEmail, customersByReference).orElse(null)
                : null;
        Customer customer = matched == null ? null : Customers.updated(matched, given);
        Map<String, User> known = new HashMap<>();
        Map<String, NewUser> created = new LinkedHashMap<>();
        planned.licenses().forEach(license -> {
            for (UserRequest user : license.users()) {
                String email = Emails.normalize(user.email());
                if (!known.containsKey(email) && !created.containsKey(email)) {
                    users.existing(email).ifPresentOrElse(existing -> known.put(email, existing),
                            () -> created.put(email, Users.create(user.email(), random)));
                }
            }
        });
        return new Settled(planned, List.of(), target, customer, customer != null && !customer.equals(matched), keys,
                known, created);
    }

    /** What an accepted order wrote, which the batch's later orders see as stored. */
    public void written(OrderWrite write) {
        headers.put(write.order().orderId(), write.order().withItems(List.of()));
        if (write.newCustomer() != null) {
            Customer customer = write.newCustomer();
            if (customer.email() != null) {
                customersByEmail.putIfAbsent(Emails.normalize(customer.email()), customer);
            }
            if (customer.reference() != null) {
                customersByReference.putIfAbsent(customer.reference(), customer);
            }
        }
        if (write.updatedCustomer() != null) {
            // The batch's later orders match the same customer, now with these details.
            Customer customer = write.updatedCustomer();
            customersByEmail.replaceAll((email, known) -> known.id() == customer.id() ? customer : known);
            customersByReference.replaceAll((reference, known) -> known.id() == customer.id() ? customer : known);
        }
        write.newUsers().forEach(users::remember);
    }

    /**
     * The JSON path of the key field that holds {@code key} in {@code planned}, for a key the store refused after
     * settlement (another writer took it meanwhile), or {@code null}.
     */
    public String keyPath(PlannedOrder planned, String key) {
        return planned.licenses().filter(license -> key.equals(keyOf(license)))
                .map(license -> license.path().field("key").render()).findFirst().orElse(null);
    }

    /** Draws a key for each of the order's licenses that needs one, never one the request itself gives. */
    private void drawKeys(PlannedOrder planned) {
        Set<String> taken = new HashSet<>();
        planned.licenses().map(PlannedLicense::key).filter(key -> key != null).forEach(taken::add);
        planned.licenses().filter(PlannedLicense::needsKey).forEach(license -> {
            String key;
            do {
                key = LicenseKeys.generate(random);
            } while (!taken.add(key));
            drawn.put(license, key);
        });
    }

    private String keyOf(PlannedLicense license) {
        return license.key() != null ? license.key() : drawn.get(license);
    }

    /**
     * The order's keys: a given key that is taken is a violation; a generated one is drawn again. Keys of an order that
     * passes are taken for the rest of the batch.
     */
    private Map<PlannedLicense, String> settleKeys(PlannedOrder planned, Problems violations) {
        Map<PlannedLicense, String> keys = new IdentityHashMap<>();
        Set<String> mine = new HashSet<>();
        planned.licenses().filter(license -> license.key() != null).forEach(license -> {
            if (keysTaken.contains(license.key())) {
                violations.add(ErrorCode.LICENSE_KEY_EXISTS, license.path().field("key"),
                        "key '" + license.key() + "' is taken in company '" + company + "'");
            }
            mine.add(license.key());
            keys.put(license, license.key());
        });
        planned.licenses().filter(drawn::containsKey).forEach(license -> {
            String key = drawn.get(license);
            if (keysTaken.contains(key) || !mine.add(key)) {
                key = freshKey(mine);
                mine.add(key);
            }
            keys.put(license, key);
        });
        if (violations.isEmpty()) {
            keysTaken.addAll(mine);
        }
        return keys;
    }

    private String freshKey(Set<String> mine) {
        while (true) {
            String key = LicenseKeys.generate(random);
            if (!keysTaken.contains(key) && !mine.contains(key) && tx.existingKeys(company, Set.of(key)).isEmpty()) {
                return key;
            }
        }
    }
}
