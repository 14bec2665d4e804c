package dev.licensing.store.postgresql;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store-wide id counter ({@code id_sequence}), advanced in short transactions of its own on one dedicated
 * connection. A write transaction never holds the counter's row lock (that would serialize every writer of every
 * process from its first id to its commit), and a block is committed before it is handed out, so every block starts
 * above every block reserved before it, committed or not: ids grow in reservation order, which is what
 * {@code reserveIds} promises and {@code --skip-existing} relies on.
 *
 * <p>A write transaction that rolls back gives its blocks back when nothing was reserved after them (the counter still
 * stands at their end), as SQLite's rollback does: so one process alone hands out exactly the ids SQLite would.
 *
 * <p>The counter's commits skip the WAL flush ({@code synchronous_commit = off}): any transaction that uses the ids
 * commits later and flushes the WAL past the counter's record, and a block no committed transaction used may be lost
 * in a crash without harm.
 */
final class PostgresIds implements AutoCloseable {
    private static final String RESERVE = "UPDATE id_sequence SET next_id = next_id + ? RETURNING next_id - ?";
    private static final String GIVE_BACK = "UPDATE id_sequence SET next_id = ? WHERE next_id = ?";
    private static final String NEXT = "SELECT next_id FROM id_sequence";

    private final DataSource dataSource;
    private Connection connection;

    PostgresIds(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reserves {@code count} ids and returns the first; zero reserves nothing and returns the next id. */
    synchronized long reserve(int count) throws SQLException {
        if (count == 0) {
            return withConnection(c -> {
                try (PreparedStatement next = c.prepareStatement(NEXT); ResultSet rs = next.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
        return withConnection(c -> {
            try (PreparedStatement reserve = c.prepareStatement(RESERVE)) {
                reserve.setLong(1, count);
                reserve.setLong(2, count);
                try (ResultSet rs = reserve.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Gives the block {@code [first, end)} back when it is the last one reserved; true when it was. */
    synchronized boolean giveBack(long first, long end) throws SQLException {
        return withConnection(c -> {
            try (PreparedStatement giveBack = c.prepareStatement(GIVE_BACK)) {
                giveBack.setLong(1, first);
                giveBack.setLong(2, end);
                return giveBack.executeUpdate();
            }
        }) == 1;
    }

    @Override
    public synchronized void close() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private interface Work {
        long run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on the dedicated connection; once more on a fresh one when the connection broke. */
    private long withConnection(Work work) throws SQLException {
        try {
            return work.run(connection());
        } catch (SQLException e) {
            if (!PostgresFailures.transientFailure(e)) {
                throw e;
            }
            discard(e);
            return work.run(connection());
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection fresh = dataSource.getConnection();
            try (Statement settings = fresh.createStatement()) {
                fresh.setAutoCommit(true);
                settings.execute("SET synchronous_commit = off");
            } catch (SQLException e) {
                fresh.close();
                throw e;
            }
            connection = fresh;
        }
        return connection;
    }

    private void discard(SQLException cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        connection = null;
    }
}
