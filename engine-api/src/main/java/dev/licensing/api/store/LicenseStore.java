package dev.licensing.api.store;

import dev.licensing.api.catalog.Catalog;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where the engine keeps what it creates. Implementations: {@code store-memory} (JDK collections),
 * {@code store-sqlite} (the embedded default) and {@code store-postgresql} (several processes on one database). Every
 * implementation passes {@code store-testkit}'s conformance suite.
 *
 * <p><b>Thread-safety.</b> Every method may be called from any number of threads at once. Whether write transactions
 * are serialized is a property of the store, {@link #serializesWriters()}:
 * <ul>
 *   <li>A store that serializes them runs at most one at a time against the same data (for a file store, across every
 *   store instance and process on that file), so what a transaction reads stays true until it commits.</li>
 *   <li>A store that does not runs them side by side: what a transaction read may be changed by another that commits
 *   first. Its uniqueness rules still hold, and a write that loses a race to another transaction throws
 *   {@link UniqueViolationException} naming the rule (order id, license key, user email or customer email), exactly
 *   as for a value that was taken before; the caller decides whether to run again. Such a store may also run
 *   {@code work} again by itself after a transient failure (a serialization failure, a deadlock, a connection lost
 *   before the commit), a bounded number of times before it throws {@link StoreException}: so {@code work} must have
 *   no effect outside the transaction but its result.</li>
 * </ul>
 *
 * <p><b>Tenancy.</b> Every piece of data belongs to a company, named by a non-empty string; nothing one company writes is
 * visible to, or conflicts with, another.
 */
public interface LicenseStore extends AutoCloseable {

    /**
     * Whether write transactions run one at a time against the same data (see the class comment): true for memory and
     * SQLite, false for PostgreSQL.
     */
    boolean serializesWriters();

    /**
     * Runs {@code work} in one write transaction. When {@code work} returns, everything it wrote is committed and
     * durable to the store's configured level; when it throws, everything it wrote is rolled back, the store is exactly
     * as before the call, and the exception is rethrown unchanged (a {@link StoreException} for the store's own
     * failures). The {@link StoreTransaction} must not be used after {@code work} returns.
     */
    <T> T inTransaction(Function<StoreTransaction, T> work);

    /**
     * Runs {@code work} against a consistent snapshot of committed data, concurrently with other readers; it never sees a
     * running transaction's writes (a store may make it wait for that transaction to end). The {@link StoreReader} must
     * not be used after {@code work} returns.
     */
    <T> T read(Function<StoreReader, T> work);

    /** The company's catalog, or empty when none was ever stored for it. */
    Optional<Catalog> catalog(String company);

    /**
     * Replaces the company's catalog, atomically, in a transaction of its own. Orders already written keep what was
     * resolved for them.
     */
    void replaceCatalog(String company, Catalog catalog);

    /** Releases the store's resources. Idempotent. Calls after close fail with {@link StoreException}. */
    @Override
    void close();
}
