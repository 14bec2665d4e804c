package dev.licensing.benchmarks;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/**
 * The floor of PERFORMANCE.md: orders written to SQLite with plain JDBC, no engine and no validation. An order-shaped
 * schema (orders, order items, licenses with a column per field of the engine's {@code License}), ids assigned by the
 * application, one prepared statement per table reused for the connection's life, rows added with {@code addBatch} and
 * sent with one {@code executeBatch} per table per transaction. Every order has one item of key-based licenses with
 * unique keys, so any number of orders can be written to one file.
 *
 * <p>Tables, indexes and connection settings are those of {@code store-sqlite}'s, so that the two write comparable rows
 * at comparable cost: the company as an id into a {@code companies} table, foreign keys declared and enforced, unique
 * indexes on {@code (company_id, order_id)} and {@code (company_id, license_key)} (store-sqlite keeps items and
 * licenses in their order's key order and needs no other index; the floor, as PERFORMANCE.md defines it, has none
 * either), WAL journal, the chosen {@code synchronous}, and {@code BEGIN IMMEDIATE} transactions.
 *
 * <p>On PostgreSQL ({@link #createOnPostgres}) the same tables, indexes and statements (the schema's SQL is valid there
 * as it is), one connection with pgjdbc's {@code reWriteBatchedInserts}, as {@code store-postgresql} connects.
 *
 * <p>Not thread-safe: one writer, one connection.
 */
public final class FloorWriter implements AutoCloseable {

    /** SQLite's {@code synchronous} settings worth measuring in WAL mode. */
    public enum Synchronous { NORMAL, FULL }

    static final String COMPANY = "default";

    private static final long COMPANY_ID = 1;

    private static final String[] SCHEMA = {
            "CREATE TABLE companies (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
            "INSERT INTO companies VALUES (" + COMPANY_ID + ", '" + COMPANY + "')",
            """
            CREATE TABLE orders (
              id INTEGER PRIMARY KEY, company_id INTEGER NOT NULL REFERENCES companies (id), order_id TEXT NOT NULL,
              is_bundle INTEGER NOT NULL, created_at INTEGER NOT NULL, created TEXT, is_test INTEGER, order_type TEXT,
              language TEXT, campaign_params TEXT, download_id TEXT, prevent_vm INTEGER, metadata TEXT,
              reference TEXT, customer_id INTEGER, customer_is_manager INTEGER NOT NULL,
              customer_account_id INTEGER)""",
            "CREATE UNIQUE INDEX orders_order_id ON orders (company_id, order_id)",
            """
            CREATE TABLE order_items (
              id INTEGER PRIMARY KEY, order_pk INTEGER NOT NULL REFERENCES orders (id), position INTEGER NOT NULL,
              product_id INTEGER NOT NULL, product_code TEXT NOT NULL, customer_account_id INTEGER)""",
            """
            CREATE TABLE licenses (
              id INTEGER PRIMARY KEY, company_id INTEGER NOT NULL,
              item_id INTEGER NOT NULL REFERENCES order_items (id), position INTEGER NOT NULL,
              product_id INTEGER NOT NULL, license_key TEXT, bundle_license_id INTEGER,
              policy_id INTEGER, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, note TEXT,
              metadata TEXT NOT NULL, active INTEGER NOT NULL, enabled INTEGER NOT NULL, license_type TEXT NOT NULL,
              max_activations INTEGER NOT NULL, allow_unlimited_activations INTEGER NOT NULL, valid_duration TEXT,
              validity_period TEXT, start_date TEXT, floating_timeout INTEGER NOT NULL, max_transfers INTEGER NOT NULL,
              can_borrow INTEGER NOT NULL, max_borrow_time INTEGER NOT NULL, is_air_gapped INTEGER NOT NULL,
              subscription_id TEXT NOT NULL, enable_maintenance_period INTEGER NOT NULL, maintenance_duration TEXT,
              maintenance_period TEXT, is_floating_cloud INTEGER NOT NULL, is_floating INTEGER NOT NULL,
              floating_users INTEGER NOT NULL, is_local_license INTEGER NOT NULL, floating_server_id INTEGER,
              is_trial INTEGER NOT NULL, trial_days INTEGER NOT NULL, prevent_vm INTEGER NOT NULL,
              is_hardware_key_auth INTEGER NOT NULL, allow_grace_period INTEGER NOT NULL,
              grace_period INTEGER NOT NULL, max_consumptions INTEGER, allow_overages INTEGER NOT NULL,
              max_overages INTEGER NOT NULL, reset_consumption INTEGER NOT NULL, consumption_period TEXT,
              allow_negative_consumptions INTEGER NOT NULL, allow_unlimited_consumptions INTEGER NOT NULL,
              max_license_users INTEGER)""",
            "CREATE UNIQUE INDEX licenses_key ON licenses (company_id, license_key)"};

    private static final String INSERT_ORDER = "INSERT INTO orders VALUES (" + parameters(17) + ")";
    private static final String INSERT_ITEM = "INSERT INTO order_items VALUES (" + parameters(6) + ")";
    private static final String INSERT_LICENSE = "INSERT INTO licenses VALUES (" + parameters(48) + ")";
    private static final String KEY_SYMBOLS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    /** 2024-01-01T00:00:00Z; each order one second later, as a steady stream of sales would be. */
    private static final long EPOCH_MILLIS = 1_704_067_200_000L;

    private final Connection connection;
    private final PreparedStatement insertOrder;
    private final PreparedStatement insertItem;
    private final PreparedStatement insertLicense;
    private final int licensesPerOrder;
    private long orders;
    private long licenses;

    private FloorWriter(Connection connection, int licensesPerOrder) throws SQLException {
        this.connection = connection;
        this.licensesPerOrder = licensesPerOrder;
        this.insertOrder = connection.prepareStatement(INSERT_ORDER);
        this.insertItem = connection.prepareStatement(INSERT_ITEM);
        this.insertLicense = connection.prepareStatement(INSERT_LICENSE);
    }

    /** Creates the schema in a new database {@code file} and prepares the statements. */
    public static FloorWriter create(Path file, Synchronous synchronous, int licensesPerOrder) throws SQLException {
        if (licensesPerOrder < 1) {
            throw new IllegalArgumentException("licensesPerOrder must be positive, got " + licensesPerOrder);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(synchronous.name()));
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return withSchema(config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()), licensesPerOrder,
                "INTEGER");
    }

    /** Creates the schema in the empty PostgreSQL database (or schema) of {@code jdbcUrl}, which has parameters. */
    public static FloorWriter createOnPostgres(String jdbcUrl, int licensesPerOrder) throws SQLException {
        if (licensesPerOrder < 1) {
            throw new IllegalArgumentException("licensesPerOrder must be positive, got " + licensesPerOrder);
        }
        // SQLite's INTEGER is 64 bits, PostgreSQL's 32: epoch millis need BIGINT.
        return withSchema(DriverManager.getConnection(jdbcUrl + "&reWriteBatchedInserts=true"), licensesPerOrder,
                "BIGINT");
    }

    private static FloorWriter withSchema(Connection connection, int licensesPerOrder, String integer)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : SCHEMA) {
                statement.execute(table.replace("INTEGER", integer));
            }
            connection.setAutoCommit(false);
            connection.commit();
            return new FloorWriter(connection, licensesPerOrder);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** Writes {@code count} new orders in one transaction. */
    public void writeOrders(int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            addOrder();
        }
        insertOrder.executeBatch();
        insertItem.executeBatch();
        insertLicense.executeBatch();
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        try (connection; insertOrder; insertItem; insertLicense) {
            connection.rollback();
        }
    }

    private void addOrder() throws SQLException {
        long order = ++orders;
        long createdAt = EPOCH_MILLIS + order * 1000;
        PreparedStatement o = insertOrder;
        o.setLong(1, order);
        o.setLong(2, COMPANY_ID);
        o.setString(3, "floor-" + order);
        o.setInt(4, 0);
        o.setLong(5, createdAt);
        for (int column = 6; column <= 15; column++) {
            o.setNull(column, Types.NULL); // created to customer_id: a bare order gives none of them
        }
        o.setInt(16, 0);
        o.setNull(17, Types.INTEGER);
        o.addBatch();

        // One item an order: its id is the order's.
        insertItem.setLong(1, order);
        insertItem.setLong(2, order);
        insertItem.setInt(3, 0);
        insertItem.setLong(4, 1);
        insertItem.setString(5, "ATLAS");
        insertItem.setNull(6, Types.INTEGER);
        insertItem.addBatch();

        for (int position = 0; position < licensesPerOrder; position++) {
            addLicense(order, position, createdAt);
        }
    }

    /** A perpetual key-based license with the values LicenseSpring's example response shows. */
    private void addLicense(long item, int position, long createdAt) throws SQLException {
        long id = ++licenses;
        PreparedStatement l = insertLicense;
        int c = 0;
        l.setLong(++c, id);
        l.setLong(++c, COMPANY_ID);
        l.setLong(++c, item);
        l.setInt(++c, position);
        l.setLong(++c, 1);
        l.setString(++c, key(id));
        l.setNull(++c, Types.INTEGER); // bundle_license_id
        l.setNull(++c, Types.INTEGER); // policy_id
        l.setLong(++c, createdAt);
        l.setLong(++c, createdAt);
        l.setNull(++c, Types.VARCHAR); // note
        l.setString(++c, "{}");
        l.setInt(++c, 0); // active
        l.setInt(++c, 1); // enabled
        l.setString(++c, "perpetual");
        l.setInt(++c, 1); // max_activations
        l.setInt(++c, 0); // allow_unlimited_activations
        l.setNull(++c, Types.VARCHAR); // valid_duration
        l.setNull(++c, Types.VARCHAR); // validity_period
        l.setNull(++c, Types.VARCHAR); // start_date
        l.setInt(++c, 120); // floating_timeout
        l.setInt(++c, 0); // max_transfers
        l.setInt(++c, 0); // can_borrow
        l.setInt(++c, 0); // max_borrow_time
        l.setInt(++c, 0); // is_air_gapped
        l.setString(++c, ""); // subscription_id
        l.setInt(++c, 0); // enable_maintenance_period
        l.setNull(++c, Types.VARCHAR); // maintenance_duration
        l.setNull(++c, Types.VARCHAR); // maintenance_period
        l.setInt(++c, 0); // is_floating_cloud
        l.setInt(++c, 0); // is_floating
        l.setInt(++c, 0); // floating_users
        l.setInt(++c, 0); // is_local_license
        l.setNull(++c, Types.INTEGER); // floating_server_id
        l.setInt(++c, 0); // is_trial
        l.setInt(++c, 0); // trial_days
        l.setInt(++c, 0); // prevent_vm
        l.setInt(++c, 0); // is_hardware_key_auth
        l.setInt(++c, 0); // allow_grace_period
        l.setInt(++c, 0); // grace_period
        l.setNull(++c, Types.INTEGER); // max_consumptions
        l.setInt(++c, 0); // allow_overages
        l.setInt(++c, 0); // max_overages
        l.setInt(++c, 0); // reset_consumption
        l.setNull(++c, Types.VARCHAR); // consumption_period
        l.setInt(++c, 0); // allow_negative_consumptions
        l.setInt(++c, 0); // allow_unlimited_consumptions
        l.setNull(++c, Types.INTEGER); // max_license_users
        l.addBatch();
    }

    /**
     * A unique key in LicenseSpring's format: the id times an odd constant (a bijection on 64 bits) spreads consecutive
     * ids over the key index as random keys would, at no cost worth measuring.
     */
    static String key(long id) {
        long bits = id * 0x9E3779B97F4A7C15L;
        char[] key = new char[19];
        int at = 0;
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                key[at++] = '-';
            }
            // 16 symbols of 5 bits take 80 bits; the last three symbols reuse the low bits, which keeps keys unique.
            key[at++] = KEY_SYMBOLS.charAt((int) ((bits >>> (5 * i % 64)) & 31));
        }
        return new String(key);
    }

    private static String parameters(int count) {
        return "?" + ", ?".repeat(count - 1);
    }
}
