package dev.licensing.store.sqlite;

import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands Jdbi the {@link StatementCache} of the physical connection behind a handle, so that statements outlive the
 * handle (one per {@code read} call) and the pool's proxy (which would close them when the connection goes back).
 * The reader pool is fixed-size and never retires connections, so this map stays as small as the pool.
 */
final class StatementCaches implements StatementBuilderFactory {
    private final Map<Connection, StatementCache> caches = new ConcurrentHashMap<>();

    @Override
    public StatementBuilder createStatementBuilder(Connection conn) {
        return forConnection(conn);
    }

    StatementCache forConnection(Connection conn) {
        Connection physical = physical(conn);
        return caches.computeIfAbsent(physical, StatementCache::new);
    }

    static Connection physical(Connection conn) {
        try {
            return conn.unwrap(SQLiteConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("not a SQLite connection: " + conn, e);
        }
    }
}
