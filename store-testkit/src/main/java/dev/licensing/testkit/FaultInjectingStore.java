package dev.licensing.testkit;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.User;
import dev.licensing.api.store.KeptIdempotencyKey;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.model.License;
import dev.licensing.api.store.LicenseEvent;
import dev.licensing.api.store.LifecycleState;
import dev.licensing.api.store.LifecycleWrite;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.StoreException;
import dev.licensing.api.store.StoreReader;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.api.store.VipReplay;
import dev.licensing.api.store.VipWrite;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipSubscription;

import java.time.LocalDate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A store that fails once, on purpose: the {@code failingWrite}-th call of {@link StoreTransaction#write} (counting from
 * 1 across every transaction) throws a {@link StoreException}, for tests of atomicity at every level. The failing call
 * first hands its writes to the wrapped store, so the rollback that follows has real writes to undo. Everything else
 * goes to the wrapped store unchanged. {@link #failingVipWrite} does the same with {@link StoreTransaction#writeVip},
 * {@link #failingKeep} with {@link StoreTransaction#keepIdempotencyKey}.
 */
public final class FaultInjectingStore implements LicenseStore {
    private final LicenseStore delegate;
    private final int failingWrite;
    private final int failingVipWrite;
    private final int failingKeep;
    private final AtomicInteger writeCalls = new AtomicInteger();
    private final AtomicInteger keepCalls = new AtomicInteger();
    private final AtomicInteger vipWriteCalls = new AtomicInteger();

    public FaultInjectingStore(LicenseStore delegate, int failingWrite) {
        this(delegate, failingWrite, 0, 0);
        if (failingWrite < 1) {
            throw new IllegalArgumentException("write calls count from 1: " + failingWrite);
        }
    }

    private FaultInjectingStore(LicenseStore delegate, int failingWrite, int failingVipWrite, int failingKeep) {
        this.delegate = delegate;
        this.failingWrite = failingWrite;
        this.failingVipWrite = failingVipWrite;
        this.failingKeep = failingKeep;
    }

    /** A store whose {@code failingVipWrite}-th call of {@code writeVip} (counting from 1) fails after writing. */
    public static FaultInjectingStore failingVipWrite(LicenseStore delegate, int failingVipWrite) {
        if (failingVipWrite < 1) {
            throw new IllegalArgumentException("writeVip calls count from 1: " + failingVipWrite);
        }
        return new FaultInjectingStore(delegate, 0, failingVipWrite, 0);
    }

    /**
     * A store whose {@code failingKeep}-th call of {@code keepIdempotencyKey} (counting from 1) fails after keeping the
     * key: the order written before it in the transaction must roll back with it.
     */
    public static FaultInjectingStore failingKeep(LicenseStore delegate, int failingKeep) {
        if (failingKeep < 1) {
            throw new IllegalArgumentException("keepIdempotencyKey calls count from 1: " + failingKeep);
        }
        return new FaultInjectingStore(delegate, 0, 0, failingKeep);
    }

    /** How many {@code write} calls were made so far, the failing one included. */
    public int writeCalls() {
        return writeCalls.get();
    }

    @Override
    public boolean serializesWriters() {
        return delegate.serializesWriters();
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        return delegate.inTransaction(transaction -> work.apply(new FaultingTransaction(transaction)));
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

    private final class FaultingTransaction implements StoreTransaction {
        private final StoreTransaction transaction;

        FaultingTransaction(StoreTransaction transaction) {
            this.transaction = transaction;
        }

        @Override
        public void write(List<OrderWrite> writes) {
            int call = writeCalls.incrementAndGet();
            transaction.write(writes);
            if (call == failingWrite) {
                throw new StoreException("injected failure of write call " + call, null);
            }
        }

        @Override
        public long reserveIds(int count) {
            return transaction.reserveIds(count);
        }

        @Override
        public Optional<Order> findOrder(String company, String orderId) {
            return transaction.findOrder(company, orderId);
        }

        @Override
        public Map<String, Order> findOrderHeaders(String company, Collection<String> orderIds) {
            return transaction.findOrderHeaders(company, orderIds);
        }

        @Override
        public Set<String> existingKeys(String company, Collection<String> keys) {
            return transaction.existingKeys(company, keys);
        }

        @Override
        public Map<String, User> findUsers(String company, Collection<String> emails) {
            return transaction.findUsers(company, emails);
        }

        @Override
        public Map<String, Customer> findCustomersByEmail(String company, Collection<String> emails) {
            return transaction.findCustomersByEmail(company, emails);
        }

        @Override
        public Map<String, Customer> findCustomersByReference(String company, Collection<String> references) {
            return transaction.findCustomersByReference(company, references);
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
        public void lockLicense(String company, long licenseId) {
            transaction.lockLicense(company, licenseId);
        }

        /** Counts as a write call: the injected failure comes after the lifecycle write, as after an order write. */
        @Override
        public void writeLifecycle(LifecycleWrite write) {
            int call = writeCalls.incrementAndGet();
            transaction.writeLifecycle(write);
            if (call == failingWrite) {
                throw new StoreException("injected failure of write call " + call, null);
            }
        }

        @Override
        public void writeVip(VipWrite write) {
            int call = vipWriteCalls.incrementAndGet();
            transaction.writeVip(write);
            if (call == failingVipWrite) {
                throw new StoreException("injected failure of writeVip call " + call, null);
            }
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

        @Override
        public Optional<KeptIdempotencyKey> findIdempotencyKey(String company, String key) {
            return transaction.findIdempotencyKey(company, key);
        }

        @Override
        public boolean keepIdempotencyKey(String company, KeptIdempotencyKey kept, Instant expiredBefore) {
            int call = keepCalls.incrementAndGet();
            boolean keptNow = transaction.keepIdempotencyKey(company, kept, expiredBefore);
            if (call == failingKeep) {
                throw new StoreException("injected failure of keepIdempotencyKey call " + call, null);
            }
            return keptNow;
        }
    }
}
