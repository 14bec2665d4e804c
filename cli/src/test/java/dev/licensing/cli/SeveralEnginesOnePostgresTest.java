package dev.licensing.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensing.api.EmailKey;
import dev.licensing.benchmarks.GeneratorOptions;
import dev.licensing.benchmarks.OrderFileGenerator;
import dev.licensing.store.postgresql.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four engine processes (child JVMs) on one PostgreSQL database, each importing an overlapping slice of one order file,
 * while this JVM, a fifth engine, creates single orders from the same customers and users: the unique indexes decide
 * every race, so each order id lands once, no key twice, no email gets two users, and what the processes reported is
 * exactly what the database holds.
 */
class SeveralEnginesOnePostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ORDERS = 1600;
    private static final int PROCESSES = 4;

    @TempDir
    Path dir;

    @Test
    @Timeout(400)
    void fourProcessesImportingOverlappingSlicesAndSingleOrdersLandOnceEach() throws Exception {
        String url = EmbeddedPostgresServer.shared().freshStoreUrl();
        Path generated = dir.resolve("generated.jsonl");
        Path catalog = dir.resolve("catalog.json");
        OrderFileGenerator.write(GeneratorOptions.defaults(17).withLicenses(1, 3).withUserShare(0.5), ORDERS,
                generated, catalog);
        List<String> lines = withAppends(Files.readAllLines(generated));
        assertThat(CommandRun.of("migrate", "--db", url).exitCode()).isZero();
        assertThat(CommandRun.of("show-order", "none", "--db", url, "--catalog", catalog.toString()).exitCode())
                .isEqualTo(ExitCode.REJECTED);

        List<ChildLicensing> children = new ArrayList<>();
        int slice = lines.size() / PROCESSES;
        for (int p = 0; p < PROCESSES; p++) {
            // Each slice reaches half a slice into both neighbours: every line but the first and last few is in two.
            List<String> mine = lines.subList(Math.max(0, p * slice - slice / 2),
                    Math.min(lines.size(), (p + 1) * slice + slice / 2));
            Path file = Files.write(dir.resolve("slice-" + p + ".jsonl"), mine);
            children.add(ChildLicensing.start(dir, "256m", "import", file.toString(), "--db", url, "--batch-size",
                    "50", "--pool-size", "2", "--responses", dir.resolve("responses-" + p + ".jsonl").toString()));
        }
        List<JsonNode> singles = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            ObjectNode request = (ObjectNode) JSON.readTree(lines.get(n * 37));
            request.put("id", "single-" + n);
            request.remove("append");
            removeKeys(request);
            Path file = Files.writeString(dir.resolve("single-" + n + ".json"), request.toString());
            CommandRun run = CommandRun.of("create-order", file.toString(), "--db", url);
            assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
            singles.add(JSON.readTree(run.out()));
        }

        long reportedCreated = 0;
        List<JsonNode> created = new ArrayList<>(singles);
        for (int p = 0; p < PROCESSES; p++) {
            ChildLicensing child = children.get(p);
            int exit = child.exitCode(300);
            assertThat(exit).as(child.err()).isIn(ExitCode.OK, ExitCode.REJECTED);
            reportedCreated += JSON.readTree(child.out()).path("created").asLong();
            for (String response : Files.readAllLines(dir.resolve("responses-" + p + ".jsonl"))) {
                created.add(JSON.readTree(response));
            }
        }

        Set<String> expectedOrderIds = new LinkedHashSet<>();
        lines.forEach(line -> expectedOrderIds.add(orderId(line)));
        for (int n = 0; n < 40; n++) {
            expectedOrderIds.add("single-" + n);
        }
        assertThat(created).hasSize((int) reportedCreated + singles.size());
        try (Connection connection = DriverManager.getConnection(url)) {
            assertThat(column(connection, "SELECT order_id FROM orders")).hasSameElementsAs(expectedOrderIds)
                    .doesNotHaveDuplicates();
            assertThat(column(connection, "SELECT license_key FROM licenses WHERE license_key IS NOT NULL"))
                    .doesNotHaveDuplicates();
            assertThat(column(connection, "SELECT email_lower FROM users")).doesNotHaveDuplicates();
            assertThat(column(connection, "SELECT email_lower FROM customers WHERE email_lower IS NOT NULL"))
                    .doesNotHaveDuplicates();
            assertEveryLicenseUserIsTheOneUserOfItsEmail(connection);

            Set<String> storedLicenses = new HashSet<>(column(connection, "SELECT CAST(id AS text) FROM licenses"));
            Set<String> storedItems = new HashSet<>(column(connection, "SELECT CAST(id AS text) FROM order_items"));
            List<String> reportedLicenses = new ArrayList<>();
            List<String> reportedItems = new ArrayList<>();
            for (JsonNode response : created) {
                for (JsonNode item : response.path("order_items")) {
                    reportedItems.add(item.path("id").asText());
                    JsonNode licenses = item.has("licenses") ? item.path("licenses") : item.path("Licenses");
                    licenses.forEach(license -> reportedLicenses.add(license.path("id").asText()));
                }
            }
            assertThat(reportedItems).doesNotHaveDuplicates().hasSameElementsAs(storedItems);
            assertThat(reportedLicenses).doesNotHaveDuplicates().hasSameElementsAs(storedLicenses);
        }
    }

    /** Every fifth order gets an append line 40 lines after it, with generated keys (a given one is taken). */
    private static List<String> withAppends(List<String> lines) throws IOException {
        List<String> all = new ArrayList<>(lines);
        for (int i = lines.size() - 41; i >= 0; i -= 5) {
            ObjectNode append = (ObjectNode) JSON.readTree(lines.get(i));
            append.put("append", true);
            append.remove("customer");
            removeKeys(append);
            all.add(i + 41, append.toString());
        }
        return all;
    }

    private static void removeKeys(ObjectNode request) {
        for (JsonNode item : request.path("items")) {
            for (JsonNode license : item.path("licenses")) {
                ((ObjectNode) license).remove("key");
            }
        }
    }

    private static String orderId(String line) {
        try {
            return JSON.readTree(line).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** users_json is [[userId, email, isManager, maxActivations], ...]: each email names one stored user. */
    private static void assertEveryLicenseUserIsTheOneUserOfItsEmail(Connection connection) throws Exception {
        Map<String, String> userOfEmail = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT email_lower, CAST(id AS text) FROM users")) {
            while (rs.next()) {
                userOfEmail.put(rs.getString(1), rs.getString(2));
            }
        }
        int checked = 0;
        for (String usersJson : column(connection, "SELECT users_json FROM licenses WHERE users_json IS NOT NULL")) {
            for (JsonNode user : JSON.readTree(usersJson)) {
                assertThat(userOfEmail.get(EmailKey.of(user.get(1).asText())))
                        .isEqualTo(user.get(0).asText());
                checked++;
            }
        }
        assertThat(checked).as("user-based licenses in the file").isPositive();
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
