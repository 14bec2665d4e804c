package dev.licensing.store.postgresql;

import dev.licensing.api.store.UniqueViolationException.Kind;
import dev.licensing.store.jdbc.SqlDialect;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Map;

/**
 * PostgreSQL's side of the shared SQL: JSON lists through {@code json_array_elements_text}, keys that start with the
 * company, row locks for appends, and unique rules told apart by the name of the index that refused a row.
 */
enum PostgresDialect implements SqlDialect {
    INSTANCE;

    /** SQLState of unique_violation. */
    static final String UNIQUE_VIOLATION = "23505";

    /** The unique indexes of the schema (db/migration/postgresql), by the rule each enforces. */
    private static final Map<String, Kind> RULES = Map.of(
            "orders_order_id", Kind.ORDER_ID,
            "licenses_key", Kind.LICENSE_KEY,
            "users_email", Kind.USER_EMAIL,
            "customers_email", Kind.CUSTOMER_EMAIL);

    /**
     * {@code = ANY} of an array built once from the JSON (an init plan), which the planner answers with the index
     * whatever it guesses of the list's length; with {@code IN (SELECT json_array_elements_text(...))} it may pick a hash
     * join over the whole table as the table grows.
     */
    @Override
    public String inTextArray() {
        return " = ANY (ARRAY(SELECT json_array_elements_text(CAST(? AS json))))";
    }

    @Override
    public String inLongArray() {
        return " = ANY (ARRAY(SELECT CAST(json_array_elements_text(CAST(? AS json)) AS bigint)))";
    }

    @Override
    public boolean childTablesCarryCompany() {
        return true;
    }

    /** PostgreSQL's text type refuses U+0000 (the engine refuses it in every identifier, so none is stored). */
    @Override
    public boolean textHoldsNul() {
        return false;
    }

    /** Written with the licenses (store-jdbc's OrderBatch), no trigger. */
    @Override
    public boolean fillsLicenseUsers() {
        return false;
    }

    @Override
    public String forUpdate() {
        return " FOR UPDATE";
    }

    /** Ids grow with every insertion: a customer's id is its creation order. */
    @Override
    public String creationOrder() {
        return "id";
    }

    /**
     * From the constraint the server names. A batch's failure is a {@code BatchUpdateException} whose next exception is
     * the server's; both are looked at.
     */
    @Override
    public Kind violatedRule(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof PSQLException psql && UNIQUE_VIOLATION.equals(psql.getSQLState())) {
                    ServerErrorMessage server = psql.getServerErrorMessage();
                    Kind kind = server == null ? null : RULES.get(server.getConstraint());
                    if (kind != null) {
                        return kind;
                    }
                }
            }
        }
        return null;
    }
}
