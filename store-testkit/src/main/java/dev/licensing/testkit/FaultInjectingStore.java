package dev.licensing.testkit;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.User;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.StoreException;
import dev.licensing.api.store.StoreReader;
import dev.licensing.api.store.StoreTransaction;

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
 * goes to the wrapped store unchanged.
 */
public final class FaultInjectingStore implements LicenseStore {
    private final LicenseStore delegate;
    private final int failingWrite;
    private final AtomicInteger writeCalls = new AtomicInteger();

    public FaultInjectingStore(LicenseStore delegate, int failingWrite) {
        if (failingWrite < 1) {
            throw new IllegalArgumentException("write calls count from 1: " + failingWrite);
        }
        this.delegate = delegate;
        this.failingWrite = failingWrite;
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
    }
}
