package dev.licensing.benchmarks;

import dev.licensing.store.sqlite.SqliteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same-schema floor writes exactly what the engine wrote on its shadow store: after the replay, every table of the
 * floor's file holds the same rows as the shadow's, run once outside JMH.
 */
class SameSchemaFloorWriterTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(OrderKind.class)
    void bulkAndSingleTransactionsReplayEveryRowOfEveryTable(OrderKind kind) throws Exception {
        try (SameSchemaFloorWriter writer = SameSchemaFloorWriter.create(directory, SqliteOptions.Synchronous.NORMAL,
                new DecodedRequests(kind.options(7)))) {
            writer.prepare(600, 300);
            assertThat(writer.writePrepared()).isEqualTo(600);
            writer.prepare(20, 1);
            assertThat(writer.writePrepared()).isEqualTo(20);
            // Nothing is left to write once the prepared transactions are written.
            assertThat(writer.writePrepared()).isZero();
        }

        Path shadow = directory.resolve("shadow.db");
        Path floor = directory.resolve("same-schema-floor.db");
        List<String> tables = tables(shadow);
        assertThat(tables).contains("customers", "users", "orders", "order_items", "licenses", "license_users",
                "id_sequence");
        for (String table : tables) {
            assertThat(rows(floor, table)).as(table).isEqualTo(rows(shadow, table));
        }
        assertThat(rows(floor, "orders")).hasSize(620);
        assertThat(rows(floor, "licenses")).hasSize(620 * kind.licenses());
        if (kind == OrderKind.USERS_1) {
            assertThat(rows(floor, "license_users")).isNotEmpty();
        }
    }

    @Test
    void returningCustomersAreUpdatedAsTheStoreUpdatesThem() throws Exception {
        try (SameSchemaFloorWriter writer = SameSchemaFloorWriter.create(directory, SqliteOptions.Synchronous.FULL,
                new DecodedRequests(OrderKind.KEYS_1.options(3)))) {
            writer.prepare(2000, 1000);
            writer.writePrepared();
        }
        Path floor = directory.resolve("same-schema-floor.db");
        // The generator brings customers back: fewer customers than orders, and the floor's match the shadow's.
        assertThat(rows(floor, "customers").size()).isLessThan(rows(floor, "orders").size());
        assertThat(rows(floor, "customers")).isEqualTo(rows(directory.resolve("shadow.db"), "customers"));
    }

    private static List<String> tables(Path file) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                     + " AND name NOT IN ('floor_customer_updates') ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** Every row of {@code table} as a list of its values, in a stable order. */
    private static List<List<Object>> rows(Path file, String table) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object value = rs.getObject(c);
                    row.add(value instanceof byte[] bytes ? Arrays.toString(bytes) : value);
                }
                rows.add(row);
            }
        }
        rows.sort((a, b) -> a.toString().compareTo(b.toString()));
        return rows;
    }
}
