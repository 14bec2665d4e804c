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
     * Whether the tables of rows that belong to another row ({@code order_items}, the lifecycle's tables) carry
     * {@code company_id} as the first column of their keys (a sharded database needs every key to start with the
     * company); SQLite's are keyed by their order, or their license, alone.
     */
    boolean childTablesCarryCompany();

    /**
     * {@code " FOR UPDATE"} where writers run concurrently and must lock the rows they are about to change (an order
     * that gets items appended), empty where write transactions are serialized anyway.
     */
    String forUpdate();

    /**
     * Whether a text column can hold U+0000 (SQLite's can, PostgreSQL's cannot). Where it cannot, no stored value holds
     * one, so a lookup of such a value finds nothing without asking the database (which would refuse the parameter).
     */
    boolean textHoldsNul();

    /**
     * Whether the database fills {@code license_users} itself as licenses are inserted (SQLite: a trigger over the
     * license's {@code users_json}); where not, {@link OrderBatch} inserts a row per user of each license beside it.
     * PostgreSQL's JSON parser refuses some strings Java holds (an unpaired surrogate in an email), so a trigger there
     * could refuse an order that SQLite stores.
     */
    boolean fillsLicenseUsers();

    /** An expression that orders a table's rows by when they were inserted (customers). */
    String creationOrder();

    /** The rule a failed statement broke, or null when it broke none of the store's unique rules. */
    UniqueViolationException.Kind violatedRule(SQLException failure);
}
