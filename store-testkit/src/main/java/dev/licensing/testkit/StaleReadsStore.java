package dev.licensing.testkit;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.User;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.StoreReader;
import dev.licensing.api.store.StoreTransaction;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
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

    private static final class StaleTransaction extends ForwardingTransaction {
        StaleTransaction(StoreTransaction transaction) {
            super(transaction);
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
    }
}
