package dev.licensing.store.postgresql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.StoreException;
import dev.licensing.api.store.StoreReader;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.api.store.UniqueViolationException;
import dev.licensing.store.jdbc.Companies;
import dev.licensing.store.jdbc.JdbcReader;
import dev.licensing.store.jdbc.JdbcTransaction;
import dev.licensing.store.jdbc.ReaderQueries;
import dev.licensing.store.jdbc.StatementCache;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The store on a PostgreSQL database that any number of engine processes, on any number of machines, share. Write
 * transactions run concurrently at READ COMMITTED on pooled connections: the unique indexes decide races (the loser gets
 * a {@link UniqueViolationException} of the rule it broke), an append locks its order's row, and ids come from a
 * counter advanced outside the transactions ({@link PostgresIds}). A transaction that fails for a transient reason
 * (serialization failure, deadlock, a connection lost before its commit) is run again, up to
 * {@link PostgresOptions#transientRetries} times, so its work must have no effect outside the transaction but its
 * result. Reads run in a REPEATABLE READ, READ ONLY transaction: one snapshot of committed data.
 */
public final class PostgresLicenseStore implements LicenseStore {
    static final ReaderQueries QUERIES = new ReaderQueries(PostgresDialect.INSTANCE);

    private final HikariDataSource ownedPool;
    private final Jdbi jdbi;
    private final PostgresFailures failures;
    private final PostgresIds ids;
    private final int transientRetries;
    private final Companies companies = new Companies();
    private volatile boolean closed;

    private PostgresLicenseStore(DataSource dataSource, HikariDataSource ownedPool, PostgresFailures failures,
                                 int transientRetries) {
        this.ownedPool = ownedPool;
        this.jdbi = Jdbi.create(dataSource);
        this.failures = failures;
        this.ids = new PostgresIds(dataSource);
        this.transientRetries = transientRetries;
    }

    /**
     * Opens the store on {@code dataSource}, which the caller keeps and closes, creating the schema when the database
     * is empty. The data source should have pgjdbc's {@code reWriteBatchedInserts=true} for bulk writes.
     */
    public static PostgresLicenseStore open(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        PostgresFailures failures = new PostgresFailures(String.valueOf(dataSource));
        PostgresSchema.prepare(dataSource, PostgresSchema.Mode.CREATE_WHEN_EMPTY, failures);
        return new PostgresLicenseStore(dataSource, null, failures, PostgresOptions.DEFAULTS.transientRetries());
    }

    /**
     * Opens the store on the database of {@code jdbcUrl} ({@code jdbc:postgresql://HOST:PORT/DB}) through a pool of its
     * own, creating the schema when the database is empty (or upgrading it, with
     * {@link PostgresOptions#upgradeSchema}). A database it cannot reach, or one written by a newer engine, fails with
     * a {@link StoreException} naming it.
     */
    public static PostgresLicenseStore open(String jdbcUrl, PostgresOptions options) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(options, "options");
        PostgresFailures failures = new PostgresFailures(withoutPassword(jdbcUrl));
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(jdbcUrl, options));
        } catch (RuntimeException e) {
            throw failures.invalid("cannot connect (" + rootMessage(e) + ")", e);
        }
        try {
            PostgresSchema.prepare(pool, options.upgradeSchema() ? PostgresSchema.Mode.UPGRADE
                    : PostgresSchema.Mode.CREATE_WHEN_EMPTY, failures);
            return new PostgresLicenseStore(pool, pool, failures, options.transientRetries());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Creates or upgrades the schema of the database of {@code jdbcUrl} ({@code licensing migrate}) and returns its
     * version. A database written by a newer engine fails with a {@link StoreException} naming it.
     */
    public static String migrate(String jdbcUrl, PostgresOptions options) {
        try (PostgresLicenseStore ignored = open(jdbcUrl, options.withUpgradeSchema(true))) {
            return PostgresSchema.LATEST.getVersion();
        }
    }

    /** PostgreSQL runs write transactions side by side; the unique indexes decide their races. */
    @Override
    public boolean serializesWriters() {
        return false;
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        return retrying(() -> attempt(work));
    }

    @Override
    public <T> T read(Function<StoreReader, T> work) {
        Objects.requireNonNull(work, "work");
        return retrying(() -> withReader(work::apply));
    }

    @Override
    public Optional<Catalog> catalog(String company) {
        Objects.requireNonNull(company, "company");
        return retrying(() -> withReader(reader -> reader.catalog(company)));
    }

    @Override
    public void replaceCatalog(String company, Catalog catalog) {
        JdbcTransaction.replaceCatalog(this, company, catalog);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ids.close();
        } catch (SQLException e) {
            throw failures.storeFailed("closing", e);
        } finally {
            if (ownedPool != null) {
                ownedPool.close();
            }
        }
    }

    /** A transaction's commit failed in a way that leaves its outcome unknown: never run again. */
    private static final class CommitOutcomeUnknown extends StoreException {
        private static final long serialVersionUID = 1L;

        CommitOutcomeUnknown(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private interface Attempt<T> {
        T run();
    }

    private <T> T retrying(Attempt<T> attempt) {
        for (int failed = 0; ; failed++) {
            checkOpen();
            try {
                return attempt.run();
            } catch (RuntimeException e) {
                boolean again = failed < transientRetries && !(e instanceof UniqueViolationException)
                        && !(e instanceof CommitOutcomeUnknown) && PostgresFailures.transientFailure(e);
                if (!again) {
                    throw e;
                }
            }
        }
    }

    private <T> T attempt(Function<StoreTransaction, T> work) {
        Handle handle = begin("starting a write transaction");
        try (handle) {
            StatementCache statements = new StatementCache(handle.getConnection());
            PostgresTransaction transaction =
                    new PostgresTransaction(handle, statements, companies, failures, QUERIES, ids);
            T result;
            try {
                result = work.apply(transaction);
            } catch (Throwable e) {
                transaction.end();
                end(handle, statements, e);
                transaction.giveBackIds(e);
                throw e;
            }
            transaction.end();
            commit(handle, statements);
            companies.committed(transaction.createdCompanies());
            return result;
        }
    }

    private <T> T withReader(Function<JdbcReader, T> work) {
        Handle handle = begin("starting a read");
        try (handle) {
            StatementCache statements = new StatementCache(handle.getConnection());
            // The reader's statements, Jdbi's and the lifecycle's plain JDBC, are this cache's for the transaction.
            handle.setStatementBuilder(statements);
            T result;
            try {
                handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                result = work.apply(new JdbcReader(handle, companies, failures, QUERIES));
            } catch (JdbiException e) {
                end(handle, statements, e);
                throw failures.storeFailed("a read", e);
            } catch (Throwable e) {
                end(handle, statements, e);
                throw e;
            }
            commit(handle, statements);
            return result;
        }
    }

    private Handle begin(String action) {
        try {
            Handle handle = jdbi.open();
            try {
                handle.begin();
            } catch (JdbiException e) {
                handle.close();
                throw e;
            }
            return handle;
        } catch (JdbiException e) {
            throw failures.storeFailed(action, e);
        }
    }

    private void commit(Handle handle, StatementCache statements) {
        try {
            statements.closeAll();
        } catch (SQLException e) {
            StoreException failure = failures.storeFailed("committing", e);
            end(handle, statements, failure);
            throw failure;
        }
        try {
            handle.commit();
        } catch (JdbiException e) {
            // A serialization failure, a deadlock or a backend the server ended answers the commit with a rollback,
            // so the transaction may run again; a connection lost with no answer leaves unknown whether it committed,
            // so it may not.
            SQLException sql = PostgresFailures.sqlCause(e);
            String state = sql == null ? null : sql.getSQLState();
            if ("40001".equals(state) || "40P01".equals(state) || "57P01".equals(state)) {
                throw failures.storeFailed("committing", e);
            }
            throw new CommitOutcomeUnknown("PostgreSQL store " + failures.database() + ": committing failed, and "
                    + "whether the transaction committed is unknown: " + (sql == null ? e.getMessage()
                    : sql.getMessage()), e);
        }
    }

    /** Ends a failed transaction, so that its connection goes back to the pool outside any transaction. */
    private static void end(Handle handle, StatementCache statements, Throwable cause) {
        try {
            statements.closeAll();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        try {
            handle.rollback();
        } catch (JdbiException e) {
            cause.addSuppressed(e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("PostgreSQL store " + failures.database() + " is closed", null);
        }
    }

    private static HikariConfig poolConfig(String jdbcUrl, PostgresOptions options) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("licensing-postgresql");
        config.setJdbcUrl(jdbcUrl);
        if (options.user() != null) {
            config.setUsername(options.user());
        }
        if (options.password() != null) {
            config.setPassword(options.password());
        }
        // One connection more than asked for: PostgresIds keeps one for itself.
        config.setMaximumPoolSize(options.poolSize() + 1);
        config.setMinimumIdle(1);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return config;
    }

    /** The URL as it may be shown: a password given in it is masked. */
    static String withoutPassword(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
