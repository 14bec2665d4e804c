package dev.licensing.store.jdbc;

import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands Jdbi the {@link StatementCache} of the physical connection behind a handle, so that statements outlive the
 * handle (one per {@code read} call) and the pool's proxy (which would close them when the connection goes back).
 * Meant for a fixed-size pool that never retires connections, so that this map stays as small as the pool.
 */
public final class StatementCaches implements StatementBuilderFactory {
    private final Map<Connection, StatementCache> caches = new ConcurrentHashMap<>();

    @Override
    public StatementBuilder createStatementBuilder(Connection conn) {
        return forConnection(conn);
    }

    public StatementCache forConnection(Connection conn) {
        Connection physical = physical(conn);
        return caches.computeIfAbsent(physical, StatementCache::new);
    }

    static Connection physical(Connection conn) {
        try {
            // A pool's proxy hands out the driver's connection it wraps (HikariCP checks its delegate first).
            return conn.unwrap(Connection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the physical connection behind " + conn, e);
        }
    }
}
