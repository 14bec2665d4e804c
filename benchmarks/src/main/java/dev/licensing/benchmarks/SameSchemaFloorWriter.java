package dev.licensing.benchmarks;

import dev.licensing.core.LicenseEngine;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.store.sqlite.SqliteLicenseStore;
import dev.licensing.store.sqlite.SqliteOptions;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The same-schema floor (issue 14): plain JDBC writing exactly the rows and columns {@code store-sqlite} writes for the
 * same orders, into a file of {@code store-sqlite}'s schema (every table, index and trigger), so that the engine's gap
 * to the minimal {@link FloorWriter} splits into what the schema costs and what the engine costs.
 *
 * <p>Where the rows come from: a <em>shadow</em> store, the engine on {@code store-sqlite} in a second file, is given
 * the same requests in the same transactions before the timer ({@link #prepare}); the rows each transaction added are
 * read back from the shadow and kept as values. The measured {@link #writePrepared} then replays them into the
 * <em>target</em> file with one prepared statement per table, {@code addBatch}/{@code executeBatch} and one commit per
 * transaction: the inserts of customers, users, orders, items and licenses (parents first, as the store writes them;
 * the schema's own trigger fills {@code license_users} as it does for the store), the returning customers' updates
 * with the store's {@code UPDATE}, and the id counter's update. Both files start as copies of one another and receive
 * the same transactions, so every replayed row is valid where it lands (its customer, product and policy ids exist).
 * The connection is set as the store's writer is: WAL (the file's), the chosen {@code synchronous}, foreign keys on,
 * {@code BEGIN IMMEDIATE}.
 *
 * <p>Not thread-safe: one writer.
 */
public final class SameSchemaFloorWriter implements AutoCloseable {

    /** The tables the store inserts into when it creates orders, parents first; their new rows are found as named. */
    private static final List<NewRows> TABLES = List.of(
            new NewRows("customers", "rowid", "rowid"),
            new NewRows("users", "id", "id"),
            new NewRows("orders", "id", "id"),
            // Items and licenses of new orders only: generated requests never add to an existing order.
            new NewRows("order_items", "order_pk", "order_pk, position"),
            new NewRows("licenses", "order_pk", "order_pk, item_position, position"));
    /** The store's own statement for a returning customer's latest details (OrderBatch). */
    private static final String CUSTOMER_UPDATE = "UPDATE customers SET first_name = ?, last_name = ?, "
            + "company_name = ?, phone = ?, address = ? WHERE id = ?";
    private static final String ID_COUNTER = "UPDATE id_sequence SET next_id = ?";

    private final DecodedRequests requests;
    private final SqliteLicenseStore shadowStore;
    private final LicenseEngine shadow;
    private final Connection shadowReader;
    private final Connection target;
    private final List<PreparedStatement> inserts = new ArrayList<>();
    private final PreparedStatement customerUpdate;
    private final PreparedStatement idCounter;
    private final long[] lastSeen = new long[TABLES.size()];
    private final ArrayDeque<Transaction> prepared = new ArrayDeque<>();

    private SameSchemaFloorWriter(DecodedRequests requests, SqliteLicenseStore shadowStore, LicenseEngine shadow,
                                  Connection shadowReader, Connection target) throws SQLException {
        this.requests = requests;
        this.shadowStore = shadowStore;
        this.shadow = shadow;
        this.shadowReader = shadowReader;
        this.target = target;
        for (NewRows table : TABLES) {
            inserts.add(target.prepareStatement(table.insert(columns(target, table.name()))));
        }
        this.customerUpdate = target.prepareStatement(CUSTOMER_UPDATE);
        this.idCounter = target.prepareStatement(ID_COUNTER);
    }

    /**
     * Creates the shadow and the target store files in {@code directory} (the store's schema with {@code requests}'
     * catalog loaded), and opens the target with plain JDBC.
     */
    public static SameSchemaFloorWriter create(Path directory, SqliteOptions.Synchronous synchronous,
                                               DecodedRequests requests) throws Exception {
        SqliteOptions options = SqliteOptions.DEFAULTS.withSynchronous(synchronous);
        Path shadowFile = directory.resolve("shadow.db");
        Path targetFile = directory.resolve("same-schema-floor.db");
        try (SqliteLicenseStore store = SqliteLicenseStore.open(shadowFile, options)) {
            OrderCreation.engine(store, requests.catalog().catalog());
        }
        // Closing checkpointed the WAL into the file: the copy is the whole store.
        Files.copy(shadowFile, targetFile, StandardCopyOption.REPLACE_EXISTING);
        try (Connection setup = SqlitePlain.connect(shadowFile, synchronous);
             Statement statement = setup.createStatement()) {
            // Only in the shadow: which customers a transaction updated, for the floor to update them too.
            statement.execute("CREATE TABLE floor_customer_updates (id INTEGER NOT NULL)");
            statement.execute("CREATE TRIGGER floor_customer_update AFTER UPDATE ON customers BEGIN "
                    + "INSERT INTO floor_customer_updates VALUES (NEW.id); END");
        }
        SqliteLicenseStore shadowStore = SqliteLicenseStore.open(shadowFile, options);
        Connection shadowReader = null;
        Connection target = null;
        try {
            LicenseEngine shadow = OrderCreation.engine(shadowStore, requests.catalog().catalog());
            shadowReader = SqlitePlain.connect(shadowFile, synchronous);
            target = SqlitePlain.connect(targetFile, synchronous);
            target.setAutoCommit(false);
            SameSchemaFloorWriter writer =
                    new SameSchemaFloorWriter(requests, shadowStore, shadow, shadowReader, target);
            writer.skipExistingRows();
            return writer;
        } catch (Exception e) {
            for (AutoCloseable c : new AutoCloseable[] {target, shadowReader, shadowStore}) {
                if (c != null) {
                    c.close();
                }
            }
            throw e;
        }
    }

    /**
     * Before the timer: creates {@code orders} requests on the shadow, {@code perTransaction} a transaction, and keeps
     * the rows each transaction added as values for {@link #writePrepared}.
     */
    public void prepare(int orders, int perTransaction) throws SQLException {
        requests.topUp(orders);
        for (int done = 0; done < orders; done += perTransaction) {
            int size = Math.min(perTransaction, orders - done);
            List<OrderRequest> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(requests.next());
            }
            shadow.createOrders(OrderCreation.COMPANY, batch).forEach(outcome -> {
                if (!outcome.created()) {
                    throw new IllegalStateException("a generated order was rejected: " + outcome.errors());
                }
            });
            prepared.add(capture(size));
        }
    }

    /** The measured part: writes every prepared transaction, each committed. Returns the orders written. */
    public int writePrepared() throws SQLException {
        int orders = 0;
        for (Transaction transaction = prepared.poll(); transaction != null; transaction = prepared.poll()) {
            for (int t = 0; t < TABLES.size(); t++) {
                List<Object[]> rows = transaction.inserts().get(t);
                if (rows.isEmpty()) {
                    continue;
                }
                PreparedStatement insert = inserts.get(t);
                for (Object[] row : rows) {
                    bind(insert, row);
                }
                insert.executeBatch();
            }
            if (!transaction.customerUpdates().isEmpty()) {
                for (Object[] row : transaction.customerUpdates()) {
                    bind(customerUpdate, row);
                }
                customerUpdate.executeBatch();
            }
            idCounter.setLong(1, transaction.nextId());
            idCounter.executeUpdate();
            target.commit();
            orders += transaction.orders();
        }
        return orders;
    }

    @Override
    public void close() throws Exception {
        try (shadowStore; shadowReader; target) {
            target.rollback();
        }
    }

    private static void bind(PreparedStatement statement, Object[] row) throws SQLException {
        for (int c = 0; c < row.length; c++) {
            statement.setObject(c + 1, row[c]);
        }
        statement.addBatch();
    }

    private void skipExistingRows() throws SQLException {
        for (int t = 0; t < TABLES.size(); t++) {
            NewRows table = TABLES.get(t);
            try (Statement statement = shadowReader.createStatement();
                 ResultSet max = statement.executeQuery(
                         "SELECT coalesce(max(" + table.newBy() + "), 0) FROM " + table.name())) {
                lastSeen[t] = max.getLong(1);
            }
        }
    }

    private Transaction capture(int orders) throws SQLException {
        List<List<Object[]>> rows = new ArrayList<>(TABLES.size());
        for (int t = 0; t < TABLES.size(); t++) {
            NewRows table = TABLES.get(t);
            List<Object[]> added = new ArrayList<>();
            List<String> columns = columns(shadowReader, table.name());
            try (PreparedStatement query = shadowReader.prepareStatement("SELECT " + table.newBy() + ", "
                    + String.join(", ", columns) + " FROM " + table.name() + " WHERE " + table.newBy()
                    + " > ? ORDER BY " + table.order())) {
                query.setLong(1, lastSeen[t]);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        lastSeen[t] = Math.max(lastSeen[t], rs.getLong(1));
                        Object[] row = new Object[columns.size()];
                        for (int c = 0; c < row.length; c++) {
                            row[c] = rs.getObject(c + 2);
                        }
                        added.add(row);
                    }
                }
            }
            rows.add(added);
        }
        List<Object[]> updates = new ArrayList<>();
        try (Statement statement = shadowReader.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT first_name, last_name, company_name, phone, address, "
                    + "id FROM customers WHERE id IN (SELECT id FROM floor_customer_updates) ORDER BY rowid")) {
                while (rs.next()) {
                    Object[] row = new Object[6];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    updates.add(row);
                }
            }
            statement.execute("DELETE FROM floor_customer_updates");
            long nextId;
            try (ResultSet rs = statement.executeQuery("SELECT next_id FROM id_sequence")) {
                nextId = rs.getLong(1);
            }
            return new Transaction(orders, rows, updates, nextId);
        }
    }

    /** A table's columns as an insert names them: generated columns (hidden 2 and 3) excluded. */
    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA table_xinfo(" + table + ")")) {
            while (rs.next()) {
                if (rs.getInt("hidden") == 0) {
                    columns.add(rs.getString("name"));
                }
            }
        }
        return columns;
    }

    /**
     * A table the store inserts into, with the column whose values grow with every new row ({@code newBy}) and the
     * order its rows are written in.
     */
    private record NewRows(String name, String newBy, String order) {

        String insert(List<String> columns) {
            return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                    + "?" + ", ?".repeat(columns.size() - 1) + ")";
        }
    }

    /** One shadow transaction's rows, as values: per table of {@link #TABLES}, then the updates and the counter. */
    private record Transaction(int orders, List<List<Object[]>> inserts, List<Object[]> customerUpdates,
                               long nextId) {
    }

    /** Plain JDBC connections set as the store's writer is. */
    private static final class SqlitePlain {

        static Connection connect(Path file, SqliteOptions.Synchronous synchronous) throws SQLException {
            SQLiteConfig config = new SQLiteConfig();
            config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(synchronous.name()));
            config.enforceForeignKeys(true);
            config.setBusyTimeout(5000);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        }
    }
}
