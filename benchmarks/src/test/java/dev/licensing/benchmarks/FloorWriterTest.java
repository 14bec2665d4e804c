package dev.licensing.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The floor's write path, run once outside JMH against a temporary SQLite file. */
class FloorWriterTest {

    @TempDir
    Path directory;

    @Test
    void bulkTransactionsWriteEveryOrderItemAndLicense() throws SQLException {
        Path file = directory.resolve("floor.db");
        try (FloorWriter writer = FloorWriter.create(file, FloorWriter.Synchronous.NORMAL, 10)) {
            writer.writeOrders(RawJdbcFloorBenchmark.BULK);
            writer.writeOrders(RawJdbcFloorBenchmark.BULK);
        }

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(count(connection, "SELECT count(*) FROM orders")).isEqualTo(2000);
            assertThat(count(connection, "SELECT count(*) FROM order_items")).isEqualTo(2000);
            assertThat(count(connection, "SELECT count(*) FROM licenses")).isEqualTo(20_000);
            assertThat(count(connection, "SELECT count(DISTINCT license_key) FROM licenses")).isEqualTo(20_000);
            assertThat(count(connection, "SELECT count(*) FROM licenses l JOIN order_items i ON i.id = l.item_id"
                    + " JOIN orders o ON o.id = i.order_pk")).isEqualTo(20_000);
            assertThat(text(connection, "PRAGMA journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void oneTransactionAnOrderWritesEachOrder() throws SQLException {
        Path file = directory.resolve("single.db");
        try (FloorWriter writer = FloorWriter.create(file, FloorWriter.Synchronous.FULL, 1)) {
            for (int i = 0; i < 5; i++) {
                writer.writeOrders(1);
            }
        }

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(count(connection, "SELECT count(*) FROM orders")).isEqualTo(5);
            assertThat(count(connection, "SELECT count(*) FROM licenses")).isEqualTo(5);
        }
    }

    @Test
    void orderIdsAndKeysAreUniqueWithinTheCompany() throws SQLException {
        Path file = directory.resolve("unique.db");
        try (FloorWriter writer = FloorWriter.create(file, FloorWriter.Synchronous.NORMAL, 2)) {
            writer.writeOrders(3);
        }

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE orders SET order_id = 'floor-1' WHERE id = 2"))
                    .hasMessageContaining("UNIQUE");
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE licenses SET license_key ="
                    + " (SELECT license_key FROM licenses WHERE id = 1) WHERE id = 2"))
                    .hasMessageContaining("UNIQUE");
        }
    }

    @Test
    void theSchemaHasOnlyTheTwoUniqueIndexesAndForeignKeys() throws SQLException {
        Path file = directory.resolve("schema.db");
        try (FloorWriter writer = FloorWriter.create(file, FloorWriter.Synchronous.NORMAL, 1)) {
            writer.writeOrders(1);
        }

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            assertThat(count(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
                    .as("the two unique indexes of PERFORMANCE.md's floor, no other").isEqualTo(2);
            statement.execute("PRAGMA foreign_keys = ON");
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE licenses SET item_id = 99 WHERE id = 1"))
                    .hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void keysAreUniqueAndInLicenseSpringsFormat() {
        Set<String> keys = new HashSet<>();
        for (long id = 1; id <= 200_000; id++) {
            keys.add(FloorWriter.key(id));
        }

        assertThat(keys).hasSize(200_000)
                .allSatisfy(key -> assertThat(key).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}"));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
