package dev.licensing.api.store;

import java.time.Instant;
import java.util.List;

/**
 * A write transaction, handed to the work of {@link LicenseStore#inTransaction}. Not thread-safe: one thread uses it,
 * inside that call only.
 */
public interface StoreTransaction extends StoreReader {

    /**
     * Reserves {@code count} fresh ids and returns the first; the block {@code [first, first + count)} is this
     * transaction's. Ids are positive, never handed out twice by the store (across companies, restarts and every
     * instance on the same data), and taken back only by a rollback. {@code count} may be zero. Ids grow: a block
     * starts above every id reserved by a transaction that committed before this one, so an id tells what was written
     * before it (bulk import's {@code skipExisting} relies on this).
     */
    long reserveIds(int count);

    /**
     * Writes a batch of orders: each new order, or the new items of an existing one, with its licenses, their users,
     * features and custom fields, and the new customer and new users the write carries. All of it or, on exception,
     * none of it once the transaction rolls back.
     *
     * <p>The store enforces, within a company: one order per caller's order id, one license per key, one user per email
     * and one customer per email, emails compared by their {@link dev.licensing.api.EmailKey}. A write that breaks one throws
     * {@link UniqueViolationException} naming what was taken; the caller must then let the transaction roll back.
     */
    void write(List<OrderWrite> writes);

    /**
     * Keeps an idempotency key with the orders this transaction writes (committed or rolled back with them). Inserts
     * it, or replaces the company's kept key of the same name when that one was kept before {@code expiredBefore} (an
     * expired key is new again). A store whose writers run side by side must make a racing writer of the same key wait
     * here for the first one's end (a unique index on company and key does), so that it then sees the key.
     *
     * @return {@code false}, keeping nothing, when the company keeps the key since {@code expiredBefore} or later
     *         (another writer kept it meanwhile): the caller then lets the transaction roll back
     */
    boolean keepIdempotencyKey(String company, KeptIdempotencyKey kept, Instant expiredBefore);

    /**
     * Makes this transaction the only one that decides for the license until it ends. A store whose write
     * transactions are serialized anyway (memory, SQLite's {@code BEGIN IMMEDIATE}) does nothing; one that runs
     * writers side by side takes the license's row lock ({@code SELECT ... FOR UPDATE} on PostgreSQL). The engine calls
     * it before it reads the license's lifecycle state to decide. A lock time-out is a {@link StoreException}.
     */
    void lockLicense(String company, long licenseId);

    /**
     * Writes one lifecycle operation: ends the listed active devices, then inserts or replaces the listed ones, the
     * counters and the state (when the write carries one), and appends the events. A second event with a license's
     * request id throws {@link StoreException}; the caller then lets the transaction roll back.
     */
    void writeLifecycle(LifecycleWrite write);

    /**
     * Writes what one VIP Marketplace request changed, as {@link VipWrite} says. Within a company an order id and a
     * subscription id name one record; a correlation id one kept answer.
     */
    void writeVip(VipWrite write);
}
