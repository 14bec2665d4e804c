package dev.licensing.store.jdbc;

import dev.licensing.api.store.UniqueViolationException;

import java.sql.SQLException;

/**
 * What the shared SQL of {@link JdbcReader} and {@link OrderBatch} needs to know of one database: how a list of values
 * travels as one parameter, what orders rows by creation, and which unique rule a failed insert broke. Everything else
 * (DDL types, locking, id reservation, migrations) lives in the dialect's own store module.
 */
public interface SqlDialect {

    /**
     * A condition to append to a column, {@code " IN (...)"} or {@code " = ANY (...)"}, taking ONE parameter, a JSON
     * array of strings ({@link Json#write}): one statement text for any batch size.
     */
    String inTextArray();

    /** The same for a JSON array of integers, compared with a 64-bit integer column. */
    String inLongArray();

    /**
     * Whether {@code order_items} carries {@code company_id} as the first column of its key (a sharded database needs
     * every key to start with the company); SQLite's items are keyed by their order alone.
     */
    boolean itemsCarryCompany();

    /**
     * {@code " FOR UPDATE"} where writers run concurrently and must lock the rows they are about to change (an order
     * that gets items appended), empty where write transactions are serialized anyway.
     */
    String forUpdate();

    /** An expression that orders a table's rows by when they were inserted (customers). */
    String creationOrder();

    /** The rule a failed statement broke, or null when it broke none of the store's unique rules. */
    UniqueViolationException.Kind violatedRule(SQLException failure);
}
