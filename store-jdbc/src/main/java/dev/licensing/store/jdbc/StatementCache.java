package dev.licensing.store.jdbc;

import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The prepared statements of one physical connection, kept for the connection's life. Neither sqlite-jdbc nor HikariCP
 * caches statements and Jdbi's default builder prepares one per call, which costs as much as the query itself
 * (PERFORMANCE.md). Serves the plain-JDBC write path and, as a Jdbi {@link StatementBuilder}, the reads. Not
 * thread-safe: a connection is used by one thread at a time (the writer under the write lock, a reader while the pool
 * lends it).
 */
public final class StatementCache implements StatementBuilder {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    public StatementCache(Connection connection) {
        this.connection = connection;
    }

    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    /** Closes and forgets the statement of {@code sql}, if any; the next {@link #prepare} makes a fresh one. */
    public void evict(String sql) throws SQLException {
        PreparedStatement statement = prepared.remove(sql);
        if (statement != null) {
            statement.close();
        }
    }

    /** Closes every statement; for a cache that lives as long as one transaction on a pooled connection. */
    public void closeAll() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        prepared.clear();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return prepare(sql);
    }

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return connection.createStatement();
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return connection.prepareCall(sql);
    }

    /** Jdbi is done with {@code stmt}: a cached one stays open for the next call (Jdbi has closed its result set). */
    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        if (sql == null || prepared.get(sql) != stmt) {
            stmt.close();
        }
    }
}
