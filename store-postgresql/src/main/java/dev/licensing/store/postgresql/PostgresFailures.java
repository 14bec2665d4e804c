package dev.licensing.store.postgresql;

import dev.licensing.api.store.StoreException;
import dev.licensing.store.jdbc.StoreFailures;

import java.sql.SQLException;

/**
 * Turns the driver's failures into {@link StoreException}s that name the database (its URL without credentials), and
 * tells which failures are transient: worth running the transaction again.
 */
final class PostgresFailures implements StoreFailures {
    private final String database;

    PostgresFailures(String database) {
        this.database = database;
    }

    String database() {
        return database;
    }

    @Override
    public StoreException storeFailed(String action, Throwable failure) {
        SQLException sql = sqlCause(failure);
        String detail = String.valueOf(sql == null ? failure.getMessage() : sql.getMessage());
        return new StoreException("PostgreSQL store " + database + ": " + action + " failed: " + detail, failure);
    }

    StoreException invalid(String why, Throwable cause) {
        return new StoreException("cannot open PostgreSQL store " + database + ": " + why, cause);
    }

    /**
     * Whether the transaction lost to another one or lost its connection, so that running it again may succeed: a
     * serialization failure (40001), a deadlock (40P01), a connection that broke (class 08) or a backend the server
     * ended (57P01 admin shutdown, as {@code pg_terminate_backend} does).
     */
    static boolean transientFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    String state = e.getSQLState();
                    if (state != null && (state.equals("40001") || state.equals("40P01") || state.startsWith("08")
                            || state.equals("57P01"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
