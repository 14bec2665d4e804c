package dev.licensing.testkit;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.store.KeptIdempotencyKey;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.LifecycleWrite;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.StoreException;
import dev.licensing.api.store.StoreReader;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.api.store.VipWrite;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private final class FaultingTransaction extends ForwardingTransaction {
        FaultingTransaction(StoreTransaction transaction) {
            super(transaction);
        }

        @Override
        public void write(List<OrderWrite> writes) {
            int call = writeCalls.incrementAndGet();
            transaction.write(writes);
            if (call == failingWrite) {
                throw new StoreException("injected failure of write call " + call, null);
            }
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
