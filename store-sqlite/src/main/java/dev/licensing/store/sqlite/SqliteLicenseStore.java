package dev.licensing.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.StoreException;
import dev.licensing.api.store.StoreReader;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.store.jdbc.Companies;
import dev.licensing.store.jdbc.JdbcReader;
import dev.licensing.store.jdbc.JdbcTransaction;
import dev.licensing.store.jdbc.ReaderQueries;
import dev.licensing.store.jdbc.StatementCache;
import dev.licensing.store.jdbc.StatementCaches;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The store on one SQLite file: the embedded default. WAL journal; ONE writer connection, guarded by a lock within the
 * process and by {@code BEGIN IMMEDIATE} across processes, so write transactions are serialized everywhere; readers
 * pooled read-only connections (HikariCP) that each read a committed snapshot while the writer works. See the module's
 * README for the layout and for what each {@link SqliteOptions.Synchronous} setting risks.
 */
public final class SqliteLicenseStore implements LicenseStore {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int SQLITE_HEADER_SIZE = 100;
    static final ReaderQueries QUERIES = new ReaderQueries(SqliteDialect.INSTANCE);

    private final Path file;
    private final SqliteOptions options;
    private final Failures failures;
    private final Connection writer;
    private final StatementCache writerStatements;
    private final Handle writerHandle;
    private final HikariDataSource readerPool;
    private final Jdbi readers;
    private final StatementCaches readerStatements;
    private final Companies companies = new Companies();
    /** Fair, so that a busy thread cannot starve the others of write transactions. */
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private volatile boolean closed;

    private SqliteLicenseStore(Path file, SqliteOptions options, Failures failures, Connection writer,
                               HikariDataSource readerPool) {
        this.file = file;
        this.options = options;
        this.failures = failures;
        this.writer = writer;
        this.writerStatements = new StatementCache(writer);
        this.writerHandle = Jdbi.create(writer).setStatementBuilderFactory(conn -> writerStatements).open();
        this.readerPool = readerPool;
        this.readerStatements = new StatementCaches();
        this.readers = Jdbi.create(readerPool).setStatementBuilderFactory(readerStatements);
    }

    /** Opens (creating it when absent) the store in {@code file}, with {@link SqliteOptions#DEFAULTS}. */
    public static SqliteLicenseStore open(Path file) {
        return open(file, SqliteOptions.DEFAULTS);
    }

    /**
     * Opens (creating it when absent) the store in {@code file} and brings its schema up to date. A file that is not
     * SQLite, is damaged, is read-only, or was written by a newer version fails with a {@link StoreException} that
     * names it.
     */
    public static SqliteLicenseStore open(Path file, SqliteOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Path path = file.toAbsolutePath().normalize();
        Failures failures = new Failures(path);
        checkFile(path, failures);
        Connection writer = null;
        HikariDataSource readers = null;
        try {
            writer = writerConfig(options).createConnection("jdbc:sqlite:" + path);
            Schema.open(writer, failures, options.busyTimeout().toMillis());
            readers = readerPool(path, options);
            return new SqliteLicenseStore(path, options, failures, writer, readers);
        } catch (SQLException | RuntimeException e) {
            if (readers != null) {
                readers.close();
            }
            closeQuietly(writer, e);
            throw e instanceof StoreException store ? store : failures.cannotOpen(e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The options the store was opened with. */
    public SqliteOptions options() {
        return options;
    }

    /** Every transaction holds SQLite's one write lock of the file (BEGIN IMMEDIATE). */
    @Override
    public boolean serializesWriters() {
        return true;
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        checkOpen();
        if (writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("write transactions do not nest: this thread is inside one already");
        }
        acquireWriteLock();
        try {
            checkOpen();
            execute("BEGIN IMMEDIATE", "starting a write transaction");
            SqliteTransaction transaction =
                    new SqliteTransaction(writerHandle, writerStatements, companies, failures, QUERIES);
            T result;
            try {
                result = work.apply(transaction);
            } catch (Throwable e) {
                transaction.end();
                rollback(e);
                throw e;
            }
            transaction.end();
            commit();
            companies.committed(transaction.createdCompanies());
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public <T> T read(Function<StoreReader, T> work) {
        Objects.requireNonNull(work, "work");
        return withReader(work::apply);
    }

    @Override
    public Optional<Catalog> catalog(String company) {
        Objects.requireNonNull(company, "company");
        return withReader(reader -> reader.catalog(company));
    }

    @Override
    public void replaceCatalog(String company, Catalog catalog) {
        JdbcTransaction.replaceCatalog(this, company, catalog);
    }

    /**
     * Closes the readers, then waits for a running write transaction and closes the writer: the last connection to
     * close checkpoints the WAL into the file.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        readerPool.close();
        writeLock.lock();
        try {
            writerHandle.close();
            writer.close();
        } catch (SQLException | JdbiException e) {
            throw failures.storeFailed("closing", e);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T withReader(Function<JdbcReader, T> work) {
        checkOpen();
        Handle handle;
        StatementCache statements;
        try {
            handle = readers.open();
            statements = readerStatements.forConnection(handle.getConnection());
            statements.prepare("BEGIN").execute();
        } catch (SQLException | JdbiException e) {
            throw failures.storeFailed("starting a read", e);
        }
        try (handle) {
            T result;
            try {
                result = work.apply(new JdbcReader(handle, companies, failures, QUERIES));
            } catch (Throwable e) {
                endRead(statements, e);
                throw e;
            }
            try {
                statements.prepare("COMMIT").execute();
            } catch (SQLException e) {
                StoreException failure = failures.storeFailed("ending a read", e);
                endRead(statements, failure);
                throw failure;
            }
            return result;
        }
    }

    /** Ends a failed read, so that its connection goes back to the pool outside any transaction. */
    private static void endRead(StatementCache statements, Throwable cause) {
        try {
            statements.prepare("ROLLBACK").execute();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void acquireWriteLock() {
        try {
            if (!writeLock.tryLock(options.busyTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreException("SQLite store " + file + ": timed out after " + options.busyTimeout()
                        + " waiting for another write transaction of this process", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("SQLite store " + file + ": interrupted waiting for the write lock", e);
        }
    }

    private void commit() {
        try {
            writerStatements.prepare("COMMIT").execute();
        } catch (SQLException e) {
            StoreException failure = failures.storeFailed("committing", e);
            rollback(failure);
            throw failure;
        }
    }

    /** Rolls back; SQLite may have done so itself after an I/O error, and then this one's failure is only noted. */
    private void rollback(Throwable cause) {
        try {
            writerStatements.prepare("ROLLBACK").execute();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void execute(String sql, String action) {
        try {
            writerStatements.prepare(sql).execute();
        } catch (SQLException e) {
            throw failures.storeFailed(action, e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("SQLite store " + file + " is closed", null);
        }
    }

    private static SQLiteConfig writerConfig(SqliteOptions options) {
        // No journal mode here: switching to WAL writes to the file, which Schema.open does only once the file is
        // known to be a store of ours or new.
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(options.synchronous().name()));
        config.setBusyTimeout((int) options.busyTimeout().toMillis());
        config.enforceForeignKeys(true);
        return config;
    }

    private static HikariDataSource readerPool(Path file, SqliteOptions options) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout((int) options.busyTimeout().toMillis());
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("sqlite-readers:" + file.getFileName());
        pool.setDataSource(dataSource);
        // Must match the driver's flag: sqlite-jdbc refuses to change it on an open connection.
        pool.setReadOnly(true);
        pool.setMaximumPoolSize(options.readerPoolSize());
        pool.setMinimumIdle(options.readerPoolSize());
        // Fixed pool whose connections live as long as the store: their cached statements do too.
        pool.setMaxLifetime(0);
        pool.setIdleTimeout(0);
        pool.setConnectionTimeout(Math.max(250, options.busyTimeout().toMillis()));
        return new HikariDataSource(pool);
    }

    /** Refuses, before SQLite sees it, a file that is not a regular file, is read-only, or is not SQLite. */
    private static void checkFile(Path file, Failures failures) {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw failures.invalid("it is not a regular file");
        }
        if (!Files.isWritable(file) || lacksOwnerWrite(file)) {
            throw failures.invalid("the file is read-only; the store needs to write to it");
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(SQLITE_HEADER_SIZE);
        } catch (IOException e) {
            throw new StoreException("cannot open SQLite store " + file + ": cannot read it (" + e.getMessage() + ")",
                    e);
        }
        if (header.length == 0) {
            return;
        }
        if (header.length < SQLITE_MAGIC.length
                || !Arrays.equals(Arrays.copyOf(header, SQLITE_MAGIC.length), SQLITE_MAGIC)) {
            throw failures.invalid("the file is not a SQLite database");
        }
        if (header.length < SQLITE_HEADER_SIZE) {
            throw failures.invalid("the database file is corrupt (truncated inside its header)");
        }
    }

    /**
     * Whether the file's mode denies its owner writing. Checked besides {@link Files#isWritable} because the
     * super-user may write anything: a file marked read-only is refused for everyone alike.
     */
    private static boolean lacksOwnerWrite(Path file) {
        try {
            return !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
