package dev.licensing.store.sqlite;

import dev.licensing.api.model.License;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.licensing.store.sqlite.Fixtures.COMPANY;
import static org.assertj.core.api.Assertions.assertThat;

/** A writer process killed with SIGKILL mid-write leaves a sound file holding only whole orders. */
class CrashTest {
    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesOnlyWholeOrders() throws Exception {
        Path file = dir.resolve("crash.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long committed;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = "0";
            // Kill it well into its run, while it is writing.
            while (Long.parseLong(line) < 300) {
                line = out.readLine();
                assertThat(line).as("the writer died on its own").isNotNull();
            }
            committed = Long.parseLong(line);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            List<String> orderIds = orderIds(file);
            assertThat((long) orderIds.size()).isGreaterThanOrEqualTo(committed).isEqualTo(
                    orderIds.size() / CrashWriter.BATCH * (long) CrashWriter.BATCH);
            for (String orderId : orderIds) {
                Optional<Order> order = SqliteLicenseStoreTest.find(store, COMPANY, orderId);
                assertThat(order).isPresent();
                assertWhole(order.get());
            }
        }
    }

    private static void assertWhole(Order order) {
        assertThat(order.items()).hasSize(CrashWriter.ITEMS);
        for (OrderItem item : order.items()) {
            assertThat(item.licenses()).hasSize(CrashWriter.LICENSES);
            for (License license : item.licenses()) {
                assertThat(license.features()).hasSize(1);
                assertThat(license.customFields()).hasSize(1);
                assertThat(license.users()).hasSize(license.key() == null ? 1 : 0);
            }
        }
    }

    private static List<String> orderIds(Path file) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT order_id FROM orders")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
