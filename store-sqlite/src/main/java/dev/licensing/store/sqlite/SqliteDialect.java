package dev.licensing.store.sqlite;

import dev.licensing.api.store.UniqueViolationException.Kind;
import dev.licensing.store.jdbc.SqlDialect;

import java.sql.SQLException;

/** SQLite's side of the shared SQL: JSON lists through {@code json_each}, the rowid, its constraint messages. */
enum SqliteDialect implements SqlDialect {
    INSTANCE;

    private static final String IN_JSON = " IN (SELECT value FROM json_each(?))";

    @Override
    public String inTextArray() {
        return IN_JSON;
    }

    @Override
    public String inLongArray() {
        return IN_JSON;
    }

    /**
     * Items are clustered by their order (WITHOUT ROWID, keyed by order and position); the lifecycle's rows by the
     * license's engine id, unique across companies.
     */
    @Override
    public boolean childTablesCarryCompany() {
        return false;
    }

    /** Write transactions hold SQLite's one write lock: there is nothing more to lock. */
    /** SQLite's text is any string, U+0000 included. */
    @Override
    public boolean textHoldsNul() {
        return true;
    }

    /** The trigger of V4__lifecycle.sql fills it. */
    @Override
    public boolean fillsLicenseUsers() {
        return true;
    }

    @Override
    public String forUpdate() {
        return "";
    }

    /** The customers table has no INTEGER PRIMARY KEY, so its rowid counts insertions. */
    @Override
    public String creationOrder() {
        return "rowid";
    }

    /** From SQLite's message, which names the index's columns. */
    @Override
    public Kind violatedRule(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (!message.contains("UNIQUE constraint failed")) {
            return null;
        }
        if (message.contains("orders.order_id")) {
            return Kind.ORDER_ID;
        }
        if (message.contains("licenses.license_key")) {
            return Kind.LICENSE_KEY;
        }
        if (message.contains("customers.email_lower")) {
            return Kind.CUSTOMER_EMAIL;
        }
        if (message.contains("users.email_lower")) {
            return Kind.USER_EMAIL;
        }
        return null;
    }
}
