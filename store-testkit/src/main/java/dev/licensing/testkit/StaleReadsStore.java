package dev.licensing.testkit;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.User;
import dev.licensing.api.store.KeptIdempotencyKey;
import dev.licensing.api.store.LicenseEvent;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.LifecycleState;
import dev.licensing.api.store.LifecycleWrite;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.StoreReader;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.api.store.VipReplay;
import dev.licensing.api.store.VipWrite;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipSubscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A store on which the engine loses a race, deterministically: its first {@code staleTransactions} write transactions
 * read no orders, users or customers, as if they had read before another transaction committed those; their writes
 * still go to the wrapped store, whose unique constraints then refuse what was taken, exactly as a store whose writers
 * run side by side refuses the loser of a race. Later transactions and every other call go to the wrapped store
 * unchanged.
 */
public final class StaleReadsStore implements LicenseStore {
    private final LicenseStore delegate;
    private final AtomicInteger staleLeft;
    private final AtomicInteger transactions = new AtomicInteger();

    public StaleReadsStore(LicenseStore delegate, int staleTransactions) {
        this.delegate = delegate;
        this.staleLeft = new AtomicInteger(staleTransactions);
    }

    /** How many write transactions were begun so far, the stale ones included. */
    public int transactions() {
        return transactions.get();
    }

    /** Like the stores whose races this one stages. */
    @Override
    public boolean serializesWriters() {
        return false;
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        transactions.incrementAndGet();
        boolean stale = staleLeft.getAndDecrement() > 0;
        return delegate.inTransaction(tx -> work.apply(stale ? new StaleTransaction(tx) : tx));
    }

    @Override
    public <T> T read(Function<StoreReader, T> work) {
        return delegate.read(work);
    }

    @Override
    public Optional<Catalog> catalog(String company) {
        return delegate.catalog(company);
    }

    @Override
    public void replaceCatalog(String company, Catalog catalog) {
        delegate.replaceCatalog(company, catalog);
    }

    @Override
    public void close() {
        delegate.close();
    }

    private record StaleTransaction(StoreTransaction transaction) implements StoreTransaction {
        @Override
        public void write(List<OrderWrite> writes) {
            transaction.write(writes);
        }

        @Override
        public long reserveIds(int count) {
            return transaction.reserveIds(count);
        }

        @Override
        public Optional<Order> findOrder(String company, String orderId) {
            return Optional.empty();
        }

        @Override
        public Map<String, Order> findOrderHeaders(String company, Collection<String> orderIds) {
            return Map.of();
        }

        @Override
        public Set<String> existingKeys(String company, Collection<String> keys) {
            return transaction.existingKeys(company, keys);
        }

        @Override
        public Map<String, User> findUsers(String company, Collection<String> emails) {
            return Map.of();
        }

        @Override
        public Map<String, Customer> findCustomersByEmail(String company, Collection<String> emails) {
            return Map.of();
        }

        @Override
        public Map<String, Customer> findCustomersByReference(String company, Collection<String> references) {
            return Map.of();
        }

        // Idempotency keys, the lifecycle and the VIP dialect read and write as the wrapped store does: only orders
        // race here.

        @Override
        public boolean keepIdempotencyKey(String company, KeptIdempotencyKey kept, Instant expiredBefore) {
            return transaction.keepIdempotencyKey(company, kept, expiredBefore);
        }

        @Override
        public Optional<KeptIdempotencyKey> findIdempotencyKey(String company, String key) {
            return transaction.findIdempotencyKey(company, key);
        }

        @Override
        public void lockLicense(String company, long licenseId) {
            transaction.lockLicense(company, licenseId);
        }

        @Override
        public void writeLifecycle(LifecycleWrite write) {
            transaction.writeLifecycle(write);
        }

        @Override
        public void writeVip(VipWrite write) {
            transaction.writeVip(write);
        }

        @Override
        public Optional<License> findLicenseByKey(String company, String key) {
            return transaction.findLicenseByKey(company, key);
        }

        @Override
        public List<License> findUserLicenses(String company, String email, String productCode) {
            return transaction.findUserLicenses(company, email, productCode);
        }

        @Override
        public LifecycleState lifecycleState(String company, long licenseId) {
            return transaction.lifecycleState(company, licenseId);
        }

        @Override
        public Optional<LicenseEvent> findRequest(String company, long licenseId, String requestId) {
            return transaction.findRequest(company, licenseId, requestId);
        }

        @Override
        public List<LicenseEvent> licenseEvents(String company, long licenseId) {
            return transaction.licenseEvents(company, licenseId);
        }

        @Override
        public Optional<LocalDate> vipCoterm(String company, String customerId) {
            return transaction.vipCoterm(company, customerId);
        }

        @Override
        public Optional<VipOrder> findVipOrder(String company, String orderId) {
            return transaction.findVipOrder(company, orderId);
        }

        @Override
        public List<VipOrder> vipOrders(String company, String customerId) {
            return transaction.vipOrders(company, customerId);
        }

        @Override
        public Optional<VipSubscription> findVipSubscription(String company, String subscriptionId) {
            return transaction.findVipSubscription(company, subscriptionId);
        }

        @Override
        public List<VipSubscription> vipSubscriptions(String company, String customerId) {
            return transaction.vipSubscriptions(company, customerId);
        }

        @Override
        public Optional<VipReplay> findVipReplay(String company, String correlationId) {
            return transaction.findVipReplay(company, correlationId);
        }
    }
}
