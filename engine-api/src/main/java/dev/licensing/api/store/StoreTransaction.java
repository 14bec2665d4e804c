package dev.licensing.api.store;

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
     * (ignoring case), one customer per email (ignoring case). A write that breaks one throws
     * {@link UniqueViolationException} naming what was taken; the caller must then let the transaction roll back.
     */
    void write(List<OrderWrite> writes);

    /**
     * Writes what one VIP Marketplace request changed, as {@link VipWrite} says. Within a company an order id and a
     * subscription id name one record; a correlation id one kept answer.
     */
    void writeVip(VipWrite write);
}
