package dev.licensing.core.write;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicensingError;
import dev.licensing.api.OrderRejectedException;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.LicenseFeature;
import dev.licensing.api.model.LicenseUser;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.OrderResult;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.api.order.UserRequest;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.api.store.UniqueViolationException;
import dev.licensing.core.plan.LicenseRole;
import dev.licensing.core.plan.PlannedItem;
import dev.licensing.core.plan.PlannedLicense;
import dev.licensing.core.plan.PlannedOrder;
import dev.licensing.core.plan.Violations;
import dev.licensing.core.rules.Appending;
import dev.licensing.core.rules.Customers;
import dev.licensing.core.rules.Emails;
import dev.licensing.core.rules.FeatureResolver.ResolvedFeature;
import dev.licensing.core.rules.LicenseKeys;
import dev.licensing.core.rules.Users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The store transaction (DESIGN §2), the one place that writes: for a batch of planned orders of one company it asks
 * the store once each about the batch's order ids, keys, user emails and customers, reserves the ids once, decides each
 * order (new, appended, or rejected for a taken id or key), and writes the accepted ones in one {@code write}.
 */
public final class OrderWriter {
    private final Random random;

    public OrderWriter(Random random) {
        this.random = random;
    }

    /**
     * Writes one order in a transaction of its own.
     *
     * @throws OrderRejectedException when the id or a given key is taken (nothing written)
     */
    public OrderResult writeOne(LicenseStore store, PlannedOrder planned) {
        try {
            return writeOneAttempt(store, planned);
        } catch (UniqueViolationException raced) {
            // Only a store whose writers run side by side gets here (violated() rethrows just these kinds): another
            // transaction created one of the order's users, its customer or (for an append) the order itself after
            // this one read them. Once more, in a new transaction that reads and reuses them.
            return writeOneAttempt(store, planned);
        }
    }

    private OrderResult writeOneAttempt(LicenseStore store, PlannedOrder planned) {
        return store.inTransaction(tx -> {
            WriteOutcome outcome;
            try {
                outcome = decideAndWrite(tx, List.of(planned)).get(0);
            } catch (UniqueViolationException e) {
                // Thrown inside the transaction, so that it rolls back.
                throw new OrderRejectedException(violated(planned, e));
            }
            if (!outcome.written()) {
                throw new OrderRejectedException(outcome.errors());
            }
            return outcome.result();
        });
    }

    /**
     * Writes a batch of planned orders of one company in one transaction; each is written whole or rejected on its
     * own. When the store's unique constraints still refuse the batch (another process raced it), the batch rolls back
     * and each half runs again, reading what the other process committed (its order ids and keys reject the guilty
     * orders, its users and customers are reused), down to single orders: a race costs a few smaller transactions, not
     * one per order, and only the guilty order is rejected.
     */
    public List<WriteOutcome> writeBatch(LicenseStore store, List<PlannedOrder> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            return store.inTransaction(tx -> decideAndWrite(tx, batch));
        } catch (UniqueViolationException e) {
            if (batch.size() == 1) {
                PlannedOrder planned = batch.get(0);
                try {
                    return List.of(new WriteOutcome(planned, writeOne(store, planned), null));
                } catch (OrderRejectedException rejected) {
                    return List.of(new WriteOutcome(planned, null, rejected.errors()));
                }
            }
            int half = batch.size() / 2;
            List<WriteOutcome> outcomes = new ArrayList<>(writeBatch(store, batch.subList(0, half)));
            outcomes.addAll(writeBatch(store, batch.subList(half, batch.size())));
            return outcomes;
        }
    }

    private List<WriteOutcome> decideAndWrite(StoreTransaction tx, List<PlannedOrder> batch) {
        String company = batch.get(0).company();
        if (batch.stream().anyMatch(p -> !p.company().equals(company))) {
            throw new IllegalArgumentException("a batch holds the orders of one company");
        }
        Batch state = new Batch(tx, company, batch);
        LongSupplier ids = idBlock(tx.reserveIds(idsNeeded(batch)));
        List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
        List<OrderWrite> writes = new ArrayList<>(batch.size());
        for (PlannedOrder planned : batch) {
            Violations violations = new Violations();
            Optional<Order> target = Appending.target(planned.request(),
                    state.headers.get(planned.request().id()), violations);
            List<PlannedLicense> keyed = state.settleKeys(planned, violations);
            if (!violations.isEmpty()) {
                outcomes.add(new WriteOutcome(planned, null, violations.list()));
                continue;
            }
            Users.Created created = new Users.Created();
            OrderWrite write = target.isPresent()
                    ? appendTo(target.get(), planned, keyed, state, ids, created)
                    : newOrder(planned, keyed, state, ids, created);
            writes.add(write);
            state.headers.put(planned.request().id(), write.order().withItems(List.of()));
            outcomes.add(new WriteOutcome(planned, new OrderResult(write.order(), created.passwords(),
                    planned.warnings()), null));
        }
        if (!writes.isEmpty()) {
            tx.write(writes);
        }
        return outcomes;
    }

    private OrderWrite newOrder(PlannedOrder planned, List<PlannedLicense> keyed, Batch state, LongSupplier ids,
                                Users.Created created) {
        OrderRequest request = planned.request();
        long orderId = ids.getAsLong();
        Customer customer = null;
        Customer newCustomer = null;
        if (request.customer() != null) {
            customer = Customers.match(request.customer(), state.customersByEmail, state.customersByReference)
                    .orElse(null);
            if (customer == null) {
                newCustomer = Customers.create(ids.getAsLong(), request);
                customer = newCustomer;
                state.remember(newCustomer);
            }
        }
        Long account = Customers.orderAccount(request, customer);
        List<OrderItem> items = items(planned, keyed, account, state, ids, created);
        Order order = new Order(orderId, planned.company(), request.id(), request.bundle(), planned.createdAt(),
                request.created(), request.isTest(), request.orderType(), request.language(), request.campaignParams(),
                request.downloadId(), request.preventVm(), request.metadata(), request.reference(),
                customer == null ? null : customer.id(), Customers.isManager(request), account, items);
        return new OrderWrite(order, false, newCustomer, created.users());
    }

    private OrderWrite appendTo(Order header, PlannedOrder planned, List<PlannedLicense> keyed, Batch state,
                                LongSupplier ids, Users.Created created) {
        List<OrderItem> items = items(planned, keyed, header.customerAccountId(), state, ids, created);
        return new OrderWrite(header.withItems(items), true, null, created.users());
    }

    private static List<OrderItem> items(PlannedOrder planned, List<PlannedLicense> keyed, Long orderAccount,
                                         Batch state, LongSupplier ids, Users.Created created) {
        List<OrderItem> items = new ArrayList<>(planned.items().size());
        int next = 0;
        for (PlannedItem item : planned.items()) {
            long itemId = ids.getAsLong();
            List<License> licenses = new ArrayList<>(item.licenses().size());
            Long bundleLicenseId = null;
            for (int j = 0; j < item.licenses().size(); j++) {
                License license = license(planned, keyed.get(next++), bundleLicenseId, state, ids, created);
                if (license.bundle()) {
                    bundleLicenseId = license.id();
                }
                licenses.add(license);
            }
            Long account = item.customerAccountId() != null ? item.customerAccountId() : orderAccount;
            items.add(new OrderItem(itemId, item.product().id(), item.product().code(), account, licenses));
        }
        return items;
    }

    /** @param bundleLicenseId the id of the item's bundle license, written before its sub-licenses */
    private static License license(PlannedOrder planned, PlannedLicense planLicense, Long bundleLicenseId, Batch state,
                                   LongSupplier ids, Users.Created created) {
        boolean subLicense = planLicense.role() == LicenseRole.SUB_LICENSE;
        if (subLicense && bundleLicenseId == null) {
            throw new IllegalStateException(planLicense.path() + ": a sub-license is planned after its bundle license");
        }
        long licenseId = ids.getAsLong();
        List<LicenseUser> users = new ArrayList<>(planLicense.users().size());
        for (UserRequest user : planLicense.users()) {
            long userId = state.users.userFor(user.email(), ids, created).id();
            users.add(new LicenseUser(userId, user.email(), Boolean.TRUE.equals(user.isManager()),
                    user.maxActivations()));
        }
        List<LicenseFeature> features = new ArrayList<>(planLicense.features().size());
        for (ResolvedFeature feature : planLicense.features()) {
            features.add(new LicenseFeature(ids.getAsLong(), feature.feature().id(), feature.feature().code(),
                    feature.feature().name(), feature.properties()));
        }
        var policy = planLicense.policy();
        return new License(licenseId, planLicense.product().id(), planLicense.product().code(), planned.createdAt(),
                planned.createdAt(), planLicense.key(), users, planLicense.role() == LicenseRole.BUNDLE,
                subLicense ? bundleLicenseId : null, policy == null ? null : policy.id(),
                policy == null ? null : policy.code(), planLicense.properties(), planLicense.note(),
                planLicense.metadata(), features, planLicense.customFields());
    }

    /** An upper bound of the ids a batch takes; ids left over are gaps, which the store allows. */
    private static int idsNeeded(List<PlannedOrder> batch) {
        long count = 0;
        for (PlannedOrder planned : batch) {
            count += planned.request().customer() == null ? 1 : 2;
            for (PlannedItem item : planned.items()) {
                count += 1;
                for (PlannedLicense license : item.licenses()) {
                    count += 1 + license.users().size() + license.features().size();
                }
            }
        }
        return Math.toIntExact(count);
    }

    private static LongSupplier idBlock(long first) {
        long[] next = {first};
        return () -> next[0]++;
    }

    private static List<LicensingError> violated(PlannedOrder planned, UniqueViolationException e) {
        switch (e.kind()) {
            case ORDER_ID:
                if (planned.request().append()) {
                    throw e;
                }
                return List.of(LicensingError.of(ErrorCode.ORDER_ID_EXISTS, "id",
                        "order '" + planned.request().id() + "' was created by another request meanwhile"));
            case LICENSE_KEY:
                String path = planned.items().stream().flatMap(i -> i.licenses().stream())
                        .filter(l -> e.value().equals(l.key())).map(l -> l.path() + ".key")
                        .findFirst().orElse(null);
                return List.of(LicensingError.of(ErrorCode.LICENSE_KEY_EXISTS, path,
                        "key '" + e.value() + "' was taken by another request meanwhile"));
            default:
                throw e;
        }
    }

    /** What the store told the transaction about the batch, and what the batch's earlier orders added to it. */
    private final class Batch {
        private final StoreTransaction tx;
        private final String company;
        private final Map<String, Order> headers;
        private final Set<String> keysTaken;
        private final Users users;
        private final Map<String, Customer> customersByEmail;
        private final Map<String, Customer> customersByReference;

        Batch(StoreTransaction tx, String company, List<PlannedOrder> batch) {
            this.tx = tx;
            this.company = company;
            Set<String> orderIds = new LinkedHashSet<>();
            Set<String> keys = new LinkedHashSet<>();
            Set<String> emails = new LinkedHashSet<>();
            Set<String> customerEmails = new LinkedHashSet<>();
            Set<String> references = new LinkedHashSet<>();
            for (PlannedOrder planned : batch) {
                orderIds.add(planned.request().id());
                for (PlannedItem item : planned.items()) {
                    for (PlannedLicense license : item.licenses()) {
                        if (license.key() != null) {
                            keys.add(license.key());
                        }
                        license.users().forEach(u -> emails.add(Emails.normalize(u.email())));
                    }
                }
                if (planned.request().customer() != null) {
                    Optional.ofNullable(planned.request().customer().email())
                            .ifPresent(email -> customerEmails.add(Emails.normalize(email)));
                    Optional.ofNullable(planned.request().customer().reference()).ifPresent(references::add);
                }
            }
            this.headers = new HashMap<>(tx.findOrderHeaders(company, orderIds));
            this.keysTaken = new HashSet<>(tx.existingKeys(company, keys));
            this.users = new Users(emails.isEmpty() ? Map.of() : tx.findUsers(company, emails), random);
            this.customersByEmail = new HashMap<>(
                    customerEmails.isEmpty() ? Map.of() : tx.findCustomersByEmail(company, customerEmails));
            this.customersByReference = new HashMap<>(
                    references.isEmpty() ? Map.of() : tx.findCustomersByReference(company, references));
        }

        /**
         * The order's licenses with their final keys: a given key that is taken is a violation; a generated one is
         * drawn again. Keys of an order that passes are taken for the rest of the batch.
         */
        List<PlannedLicense> settleKeys(PlannedOrder planned, Violations violations) {
            List<PlannedLicense> settled = new ArrayList<>();
            Set<String> mine = new HashSet<>();
            for (PlannedItem item : planned.items()) {
                for (PlannedLicense license : item.licenses()) {
                    if (license.key() == null) {
                        settled.add(license);
                    } else if (!license.keyGenerated()) {
                        if (keysTaken.contains(license.key())) {
                            violations.add(ErrorCode.LICENSE_KEY_EXISTS, license.path() + ".key",
                                    "key '" + license.key() + "' is taken in company '" + company + "'");
                        }
                        mine.add(license.key());
                        settled.add(license);
                    } else {
                        settled.add(license);
                    }
                }
            }
            for (int n = 0; n < settled.size(); n++) {
                PlannedLicense license = settled.get(n);
                if (license.keyGenerated() && (keysTaken.contains(license.key()) || !mine.add(license.key()))) {
                    String key = freshKey(mine);
                    mine.add(key);
                    settled.set(n, license.withKey(key));
                }
            }
            if (violations.isEmpty()) {
                keysTaken.addAll(mine);
            }
            return settled;
        }

        private String freshKey(Set<String> mine) {
            while (true) {
                String key = LicenseKeys.generate(random);
                if (!keysTaken.contains(key) && !mine.contains(key) && tx.existingKeys(company, Set.of(key)).isEmpty()) {
                    return key;
                }
            }
        }

        void remember(Customer customer) {
            if (customer.email() != null) {
                customersByEmail.putIfAbsent(Emails.normalize(customer.email()), customer);
            }
            if (customer.reference() != null) {
                customersByReference.putIfAbsent(customer.reference(), customer);
            }
        }
    }
}
