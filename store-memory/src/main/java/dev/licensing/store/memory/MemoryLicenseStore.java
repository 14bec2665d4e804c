package dev.licensing.store.memory;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.StoreException;
import dev.licensing.api.store.StoreReader;
import dev.licensing.api.store.StoreTransaction;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The store SPI on JDK collections, for tests and offline use; nothing survives the instance.
 *
 * <p>One write transaction runs at a time (the writer lock). It keeps its writes in a layer of its own, so readers go on
 * reading committed data while it runs and a rollback drops the layer; a commit adds the layer to the committed data
 * under the snapshot lock, which readers hold for the whole of their work. Every write, commit and read costs the size
 * of what it writes or reads, never the size of the store. The id sequence moves forward on commit only, so a rollback
 * takes its reserved ids back.
 */
public final class MemoryLicenseStore implements LicenseStore {
    private final ReentrantLock writer = new ReentrantLock();
    private final ReentrantReadWriteLock snapshot = new ReentrantReadWriteLock();
    /** Committed data by company: changed only by a commit, which holds both locks. */
    private final Map<String, CompanyData> companies = new HashMap<>();
    private final Map<String, VipData> vip = new HashMap<>();
    /** Committed lifecycle logs by license id: changed only by a commit, which holds both locks. */
    private final Map<Long, LicenseLog> logs = new HashMap<>();
    private final Map<String, Catalog> catalogs = new ConcurrentHashMap<>();
    /** The first id not yet handed out by a committed transaction; guarded by {@link #writer}. */
    private long nextId = 1;
    private volatile boolean closed;

    /** One transaction at a time holds the writer lock. */
    @Override
    public boolean serializesWriters() {
        return true;
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        ensureOpen();
        if (writer.isHeldByCurrentThread()) {
            throw new StoreException("a write transaction is already running on this thread: transactions do not nest",
                    null);
        }
        if (snapshot.getReadHoldCount() > 0) {
            throw new StoreException("a write transaction cannot start inside a read: it could never commit", null);
        }
        lockWriter();
        try {
            MemoryTransaction transaction = new MemoryTransaction(companies, vip, logs, nextId);
            T result;
            try {
                result = work.apply(transaction);
            } finally {
                transaction.end();
            }
            commit(transaction);
            return result;
        } finally {
            writer.unlock();
        }
    }

    private void commit(MemoryTransaction transaction) {
        ensureOpen();
        snapshot.writeLock().lock();
        try {
            transaction.commitTo(companies, vip, logs);
            nextId = transaction.nextId();
        } finally {
            snapshot.writeLock().unlock();
        }
    }

    @Override
    public <T> T read(Function<StoreReader, T> work) {
        ensureOpen();
        snapshot.readLock().lock();
        try {
            MemoryReader reader = new MemoryReader(company -> new CompanyView(companies.get(company)),
                    VipData.reader(vip::get, company -> null), new Lifecycles(logs, Map.of()));
            try {
                return work.apply(reader);
            } finally {
                reader.end();
            }
        } finally {
            snapshot.readLock().unlock();
        }
    }

    @Override
    public Optional<Catalog> catalog(String company) {
        ensureOpen();
        return Optional.ofNullable(catalogs.get(company));
    }

    @Override
    public void replaceCatalog(String company, Catalog catalog) {
        ensureOpen();
        catalogs.put(Objects.requireNonNull(company, "company"), Objects.requireNonNull(catalog, "catalog"));
    }

    @Override
    public void close() {
        closed = true;
    }

    private void lockWriter() {
        try {
            writer.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the running write transaction", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the store is closed", null);
        }
    }
}
