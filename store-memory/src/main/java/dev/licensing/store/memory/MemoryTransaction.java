package dev.licensing.store.memory;

import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.User;
import dev.licensing.api.store.KeptIdempotencyKey;
import dev.licensing.api.store.LicenseEvent;
import dev.licensing.api.store.LifecycleState;
import dev.licensing.api.store.LifecycleWrite;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.StoreException;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.api.store.UniqueViolationException;
import dev.licensing.api.store.UniqueViolationException.Kind;
import dev.licensing.api.store.VipReplay;
import dev.licensing.api.store.VipWrite;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipSubscription;

import java.time.Instant;
import java.time.LocalDate;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A write transaction that keeps its writes to one side, as a layer over the committed data, until the store commits
 * it; a rollback is dropping the layer. Committed data cannot change underneath, since the store runs one transaction at
 * a time. Each {@link #write} checks its whole batch before it adds any of it, so a failed write adds nothing.
 */
final class MemoryTransaction implements StoreTransaction {
    private final Map<String, CompanyData> committed;
    private final Map<String, CompanyData> pending = new HashMap<>();
    private final Map<Long, LicenseLog> committedLogs;
    private final Map<Long, LicenseLog> pendingLogs = new HashMap<>();
    private final MemoryReader reader;
    private long nextId;
    private boolean active = true;

    private final Map<String, VipData> pendingVip = new HashMap<>();

    MemoryTransaction(Map<String, CompanyData> committed, Map<String, VipData> committedVip,
                      Map<Long, LicenseLog> committedLogs, long nextId) {
        this.committed = committed;
        this.committedLogs = committedLogs;
        this.nextId = nextId;
        this.reader = new MemoryReader(company -> new CompanyView(committed.get(company), pending.get(company)),
                VipData.reader(committedVip::get, pendingVip::get), new Lifecycles(committedLogs, pendingLogs));
    }

    @Override
    public long reserveIds(int count) {
        ensureActive();
        if (count < 0) {
            throw new IllegalArgumentException("cannot reserve a negative number of ids: " + count);
        }
        long first = nextId;
        nextId = Math.addExact(nextId, count);
        return first;
    }

    @Override
    public void write(List<OrderWrite> writes) {
        ensureActive();
        Map<String, CompanyData> staged = new HashMap<>();
        for (OrderWrite write : writes) {
            String company = write.order().company();
            CompanyData stage = staged.computeIfAbsent(company, c -> new CompanyData());
            stage(write, new CompanyView(committed.get(company), pending.get(company), stage), stage);
        }
        staged.forEach((company, stage) -> pending.computeIfAbsent(company, c -> new CompanyData()).absorb(stage));
    }

    @Override
    public void writeVip(VipWrite write) {
        ensureActive();
        pendingVip.computeIfAbsent(write.company(), c -> new VipData()).add(write);
    }

    @Override
    public boolean keepIdempotencyKey(String company, KeptIdempotencyKey kept, Instant expiredBefore) {
        ensureActive();
        KeptIdempotencyKey existing = reader.findIdempotencyKey(company, kept.key()).orElse(null);
        if (existing != null && !existing.keptAt().isBefore(expiredBefore)) {
            return false;
        }
        pending.computeIfAbsent(company, c -> new CompanyData()).keepIdempotencyKey(kept);
        return true;
    }

    @Override
    public Optional<KeptIdempotencyKey> findIdempotencyKey(String company, String key) {
        return reader.findIdempotencyKey(company, key);
    }

    /** Checks one write against everything before it, then adds it to {@code stage}. */
    private static void stage(OrderWrite write, CompanyView view, CompanyData stage) {
        Order order = write.order();
        String company = order.company();
        Order existing = view.header(order.orderId());
        if (write.append() && existing == null) {
            throw new StoreException("no order '" + order.orderId() + "' in company '" + company + "' to append to",
                    null);
        }
        if (!write.append() && existing != null) {
            throw new UniqueViolationException(Kind.ORDER_ID, company, order.orderId());
        }
        Set<String> keys = new HashSet<>();
        for (OrderItem item : order.items()) {
            for (License license : item.licenses()) {
                String key = license.key();
                if (key != null && (view.hasKey(key) || !keys.add(key))) {
                    throw new UniqueViolationException(Kind.LICENSE_KEY, company, key);
                }
            }
        }
        Set<String> emails = new HashSet<>();
        for (User user : write.newUsers()) {
            String email = CompanyData.emailKey(user.email());
            if (view.user(email) != null || !emails.add(email)) {
                throw new UniqueViolationException(Kind.USER_EMAIL, company, user.email());
            }
        }
        Customer customer = write.newCustomer();
        if (customer != null && customer.email() != null
                && view.customerByEmail(CompanyData.emailKey(customer.email())) != null) {
            throw new UniqueViolationException(Kind.CUSTOMER_EMAIL, company, customer.email());
        }

        if (write.append()) {
            stage.addItems(existing, order.items());
        } else {
            stage.addOrder(order);
        }
        write.newUsers().forEach(stage::addUser);
        if (customer != null) {
            stage.addCustomer(customer);
        }
        if (write.updatedCustomer() != null) {
            stage.updateCustomer(write.updatedCustomer());
        }
    }

    /** Nothing to lock: the store runs one write transaction at a time. */
    @Override
    public void lockLicense(String company, long licenseId) {
        ensureActive();
    }

    @Override
    public void writeLifecycle(LifecycleWrite write) {
        ensureActive();
        LicenseLog log = pendingLogs.computeIfAbsent(write.licenseId(), id -> {
            LicenseLog base = committedLogs.get(id);
            return base == null ? new LicenseLog(id).fork() : base.fork();
        });
        log.apply(write);
    }

    /** Ends the transaction's use by its work (reads included); what it wrote stays pending until {@link #commitTo}. */
    void end() {
        active = false;
        reader.end();
    }

    /** The next id after every block this transaction reserved. */
    long nextId() {
        return nextId;
    }

    /** Adds every pending write to the committed data; the caller holds the lock that keeps readers out. */
    void commitTo(Map<String, CompanyData> data, Map<String, VipData> vip, Map<Long, LicenseLog> logs) {
        pending.forEach((company, changes) -> data.computeIfAbsent(company, c -> new CompanyData()).absorb(changes));
        pendingVip.forEach((company, changes) -> vip.computeIfAbsent(company, c -> new VipData()).absorb(changes));
        pendingLogs.forEach((licenseId, fork) -> logs.computeIfAbsent(licenseId, LicenseLog::new).absorb(fork));
    }

    @Override
    public Optional<Order> findOrder(String company, String orderId) {
        return reader.findOrder(company, orderId);
    }

    @Override
    public Map<String, Order> findOrderHeaders(String company, Collection<String> orderIds) {
        return reader.findOrderHeaders(company, orderIds);
    }

    @Override
    public Set<String> existingKeys(String company, Collection<String> keys) {
        return reader.existingKeys(company, keys);
    }

    @Override
    public Map<String, User> findUsers(String company, Collection<String> emails) {
        return reader.findUsers(company, emails);
    }

    @Override
    public Map<String, Customer> findCustomersByEmail(String company, Collection<String> emails) {
        return reader.findCustomersByEmail(company, emails);
    }

    @Override
    public Map<String, Customer> findCustomersByReference(String company, Collection<String> references) {
        return reader.findCustomersByReference(company, references);
    }

    @Override
    public Optional<License> findLicenseByKey(String company, String key) {
        return reader.findLicenseByKey(company, key);
    }

    @Override
    public List<License> findUserLicenses(String company, String email, String productCode) {
        return reader.findUserLicenses(company, email, productCode);
    }

    @Override
    public LifecycleState lifecycleState(String company, long licenseId) {
        return reader.lifecycleState(company, licenseId);
    }

    @Override
    public Optional<LicenseEvent> findRequest(String company, long licenseId, String requestId) {
        return reader.findRequest(company, licenseId, requestId);
    }

    @Override
    public List<LicenseEvent> licenseEvents(String company, long licenseId) {
        return reader.licenseEvents(company, licenseId);
    }

    @Override
    public Optional<LocalDate> vipCoterm(String company, String customerId) {
        return reader.vipCoterm(company, customerId);
    }

    @Override
    public Optional<VipOrder> findVipOrder(String company, String orderId) {
        return reader.findVipOrder(company, orderId);
    }

    @Override
    public List<VipOrder> vipOrders(String company, String customerId) {
        return reader.vipOrders(company, customerId);
    }

    @Override
    public Optional<VipSubscription> findVipSubscription(String company, String subscriptionId) {
        return reader.findVipSubscription(company, subscriptionId);
    }

    @Override
    public List<VipSubscription> vipSubscriptions(String company, String customerId) {
        return reader.vipSubscriptions(company, customerId);
    }

    @Override
    public Optional<VipReplay> findVipReplay(String company, String correlationId) {
        return reader.findVipReplay(company, correlationId);
    }

    private void ensureActive() {
        if (!active) {
            throw new StoreException("a StoreTransaction must not be used after its work returned", null);
        }
    }
}
