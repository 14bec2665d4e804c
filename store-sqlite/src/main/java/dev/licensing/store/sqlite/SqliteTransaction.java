package dev.licensing.store.sqlite;

import dev.licensing.api.store.KeptIdempotencyKey;
import dev.licensing.api.store.LifecycleWrite;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.StoreException;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.api.store.VipWrite;
import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A write transaction on the writer connection, between the store's BEGIN IMMEDIATE and its COMMIT or ROLLBACK. Reads
 * go through Jdbi on the same connection and so see this transaction's writes; writes are plain JDBC batches on cached
 * statements.
 */
final class SqliteTransaction extends SqliteReader implements StoreTransaction {
    private static final String INSERT_COMPANY = "INSERT INTO companies (name) VALUES (?) RETURNING id";
    private static final String RESERVE_IDS = "UPDATE id_sequence SET next_id = next_id + ? RETURNING next_id - ?";
    private static final String NEXT_ID = "SELECT next_id FROM id_sequence";

    private final StatementCache statements;
    private final Map<String, Long> createdCompanies = new HashMap<>();
    private boolean active = true;

    SqliteTransaction(Handle handle, StatementCache statements, Companies companies, Failures failures) {
        super(handle, companies, failures);
        this.statements = statements;
    }

    @Override
    Optional<Long> companyId(String company) {
        checkActive();
        Long created = createdCompanies.get(company);
        return created != null ? Optional.of(created) : super.companyId(company);
    }

    /** The company's id, creating the company in this transaction when it is new. */
    long ensureCompany(String company) throws SQLException {
        Optional<Long> known = companyId(company);
        if (known.isPresent()) {
            return known.get();
        }
        PreparedStatement insert = statements.prepare(INSERT_COMPANY);
        insert.setString(1, company);
        long id = single(insert);
        createdCompanies.put(company, id);
        return id;
    }

    @Override
    public long reserveIds(int count) {
        checkActive();
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        try {
            if (count == 0) {
                return single(statements.prepare(NEXT_ID));
            }
            PreparedStatement reserve = statements.prepare(RESERVE_IDS);
            reserve.setLong(1, count);
            reserve.setLong(2, count);
            return single(reserve);
        } catch (SQLException e) {
            throw failures.storeFailed("reserving ids", e);
        }
    }

    @Override
    public void write(List<OrderWrite> writes) {
        checkActive();
        if (writes.isEmpty()) {
            return;
        }
        try {
            new OrderBatch(this, statements).write(writes);
        } catch (SQLException e) {
            throw failures.storeFailed("writing " + writes.size() + " orders", e);
        }
    }

    @Override
    public boolean keepIdempotencyKey(String company, KeptIdempotencyKey kept, Instant expiredBefore) {
        checkActive();
        try {
            return IdempotencyKeys.keep(statements, ensureCompany(company), kept, expiredBefore);
        } catch (SQLException e) {
            throw failures.storeFailed("keeping idempotency key '" + kept.key() + "'", e);
        }
    }

    /** Nothing to lock: BEGIN IMMEDIATE already made this the only writer of the file. */
    @Override
    public void lockLicense(String company, long licenseId) {
        checkActive();
    }

    @Override
    public void writeLifecycle(LifecycleWrite write) {
        checkActive();
        try {
            SqliteLifecycle.write(statements, write);
        } catch (SQLException e) {
            throw failures.storeFailed("writing the lifecycle of license " + write.licenseId(), e);
        }
    }

    @Override
    public void writeVip(VipWrite write) {
        checkActive();
        try {
            VipTables.write(statements, ensureCompany(write.company()), write);
        } catch (SQLException e) {
            throw failures.storeFailed("writing VIP Marketplace orders", e);
        }
    }

    /** Companies this transaction created; committed once the store commits. */
    Map<String, Long> createdCompanies() {
        return createdCompanies;
    }

    void end() {
        active = false;
    }

    private void checkActive() {
        if (!active) {
            throw new StoreException("the transaction is over: a StoreTransaction is used only inside its work", null);
        }
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no row returned");
            }
            return rs.getLong(1);
        }
    }
}
