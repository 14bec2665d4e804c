package dev.licensing.store.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.licensing.api.store.KeptIdempotencyKey;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The kept idempotency keys ({@code idempotency_keys}: SQLite's schema version 5, PostgreSQL's 4). Keeping one is a
 * single upsert that replaces only an expired row, so that a key kept meanwhile is told by the count of rows it changed
 * (none). Portable SQL: on PostgreSQL a racing keeper of the same key waits at the unique key for the first one's end,
 * then (READ COMMITTED) sees its row, live, and changes nothing.
 */
final class IdempotencyKeys {
    private static final TypeReference<List<Long>> IDS = new TypeReference<>() { };

    private static final String FIND = "SELECT idempotency_key, fingerprint, order_id, item_ids, kept_at "
            + "FROM idempotency_keys WHERE company_id = ? AND idempotency_key = ?";
    private static final String KEEP = "INSERT INTO idempotency_keys (company_id, idempotency_key, fingerprint, "
            + "order_id, item_ids, kept_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (company_id, idempotency_key) "
            + "DO UPDATE SET fingerprint = excluded.fingerprint, order_id = excluded.order_id, "
            + "item_ids = excluded.item_ids, kept_at = excluded.kept_at WHERE idempotency_keys.kept_at < ?";

    private IdempotencyKeys() {
    }

    static Optional<KeptIdempotencyKey> find(JdbcReader reader, String company, String key) {
        return reader.guard(() -> reader.companyId(company).flatMap(companyId -> reader.query(FIND,
                (rs, ctx) -> new KeptIdempotencyKey(rs.getString(1), rs.getString(2), rs.getString(3),
                        Json.read(rs.getString(4), IDS), Instant.ofEpochMilli(rs.getLong(5))),
                companyId, key).stream().findFirst()));
    }

    /** @return whether the key was kept (a live row of the key: not) */
    static boolean keep(StatementCache statements, long companyId, KeptIdempotencyKey kept, Instant expiredBefore)
            throws SQLException {
        PreparedStatement keep = statements.prepare(KEEP);
        keep.setLong(1, companyId);
        keep.setString(2, kept.key());
        keep.setString(3, kept.fingerprint());
        keep.setString(4, kept.orderId());
        keep.setString(5, Json.write(kept.itemIds()));
        keep.setLong(6, kept.keptAt().toEpochMilli());
        keep.setLong(7, expiredBefore.toEpochMilli());
        return keep.executeUpdate() == 1;
    }
}
