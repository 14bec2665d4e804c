package dev.licensing.store.sqlite;

import dev.licensing.store.jdbc.LifecycleTables;
import dev.licensing.store.jdbc.ReaderQueries;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every lookup reads through an index: no query scans a table of the store, whatever the table's size. */
class QueryPlanTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"orderById", "ordersByIds", "itemsOfOrder", "licensesOfOrder",
            "existingKeys", "usersByEmail", "customersByEmail", "customersByReference"})
    void aLookupUsesAnIndex(String query) throws Exception {
        String sql = (String) ReaderQueries.class.getField(query).get(SqliteLicenseStore.QUERIES);
        Path file = dir.resolve("plan.db");
        SqliteLicenseStore.open(file).close();

        List<String> plan = plan(file, sql);

        assertThat(plan).isNotEmpty().noneMatch(step -> step.startsWith("SCAN ") && !step.contains("json_each"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"licenseByKey", "userLicenses", "state", "active", "counters", "request", "events",
            "deactivate", "updateActive"})
    void aLifecycleLookupUsesAnIndex(String query) throws Exception {
        String sql = (String) LifecycleTables.class.getField(query).get(SqliteLicenseStore.QUERIES.lifecycle);
        Path file = dir.resolve("lifecycle-plan.db");
        SqliteLicenseStore.open(file).close();

        List<String> plan = plan(file, sql);

        assertThat(plan).isNotEmpty().noneMatch(step -> step.startsWith("SCAN "));
    }

    private static List<String> plan(Path file, String sql) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            int parameters = statement.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
                statement.setString(i, i == parameters ? "[\"x\"]" : "1");
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    steps.add(rs.getString("detail"));
                }
            }
        }
        return steps;
    }
}
