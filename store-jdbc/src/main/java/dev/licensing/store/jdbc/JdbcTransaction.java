package dev.licensing.store.jdbc;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.store.KeptIdempotencyKey;
import dev.licensing.api.store.LicenseStore;
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
import java.util.Objects;
import java.util.Optional;

/**
 * A write transaction on one connection, between the store's BEGIN and its COMMIT or ROLLBACK. Reads go through Jdbi on
 * the same connection and so see this transaction's writes; writes are plain JDBC batches on cached statements. How ids
 * are reserved is the dialect's.
 */
public abstract class JdbcTransaction extends JdbcReader implements StoreTransaction {
    /** Another transaction may create the same company meanwhile: the unique name decides, and the loser reads it. */
    private static final String INSERT_COMPANY =
            "INSERT INTO companies (name) VALUES (?) ON CONFLICT (name) DO NOTHING RETURNING id";

    protected final StatementCache statements;
    private final SqlDialect dialect;
    private final Map<String, Long> createdCompanies = new HashMap<>();
    private boolean active = true;

    protected JdbcTransaction(Handle handle, StatementCache statements, Companies companies, StoreFailures failures,
                              ReaderQueries queries, SqlDialect dialect) {
        super(handle, companies, failures, queries);
        this.statements = statements;
        this.dialect = dialect;
    }

    @Override
    protected Optional<Long> companyId(String company) {
        checkActive();
        Long created = createdCompanies.get(company);
        return created != null ? Optional.of(created) : super.companyId(company);
    }

    @Override
    protected StatementCache statements() {
        return statements;
    }

    /** The company's id, creating the company in this transaction when it is new. */
    long ensureCompany(String company) throws SQLException {
        Optional<Long> known = companyId(company);
        if (known.isPresent()) {
            return known.get();
        }
        PreparedStatement insert = statements.prepare(INSERT_COMPANY);
        insert.setString(1, company);
        try (ResultSet rs = insert.executeQuery()) {
            if (rs.next()) {
                long id = rs.getLong(1);
                createdCompanies.put(company, id);
                return id;
            }
        }
        return super.companyId(company)
                .orElseThrow(() -> new SQLException("company '" + company + "' neither inserted nor found"));
    }

    @Override
    public void write(List<OrderWrite> writes) {
        checkActive();
        if (writes.isEmpty()) {
            return;
        }
        try {
            new OrderBatch(this, statements, dialect).write(writes);
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

    @Override
    public void writeLifecycle(LifecycleWrite write) {
        checkActive();
        try {
            queries.lifecycle.write(statements, ensureCompany(write.company()), write);
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

    /** {@link LicenseStore#replaceCatalog} of a store whose transactions are {@code JdbcTransaction}s. */
    public static void replaceCatalog(LicenseStore store, String company, Catalog catalog) {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(catalog, "catalog");
        store.inTransaction(transaction -> {
            ((JdbcTransaction) transaction).replaceCatalog(company, catalog);
            return null;
        });
    }

    /**
     * Reserves {@code count} ids (the SPI's rules) after checking the argument and that the transaction is running; the
     * dialect's {@link #reserve} does it.
     */
    @Override
    public final long reserveIds(int count) {
        checkActive();
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        try {
            return reserve(count);
        } catch (SQLException e) {
            throw failures.storeFailed("reserving ids", e);
        }
    }

    /** Reserves {@code count} ids, zero or more, and returns the first (for zero: the next id). */
    protected abstract long reserve(int count) throws SQLException;

    /** Replaces the company's catalog within this transaction. */
    private void replaceCatalog(String company, Catalog catalog) {
        checkActive();
        try {
            long companyId = ensureCompany(company);
            CatalogTables.replace(statements, companyId, catalog);
            VipTables.replaceCatalog(statements, companyId, catalog);
        } catch (SQLException e) {
            throw failures.storeFailed("replacing the catalog of company '" + company + "'", e);
        }
    }

    /** Companies this transaction created; the store tells {@link Companies} once it committed. */
    public Map<String, Long> createdCompanies() {
        return createdCompanies;
    }

    /** The transaction is over: any further use fails. */
    public void end() {
        active = false;
    }

    protected void checkActive() {
        if (!active) {
            throw new StoreException("the transaction is over: a StoreTransaction is used only inside its work", null);
        }
    }

    /** The one value of a one-row query. */
    protected static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no row returned");
            }
            return rs.getLong(1);
        }
    }
}
