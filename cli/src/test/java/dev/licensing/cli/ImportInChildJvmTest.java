package dev.licensing.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensing.api.model.License;
import dev.licensing.api.model.Order;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.benchmarks.GeneratorOptions;
import dev.licensing.benchmarks.OrderFileGenerator;
import dev.licensing.store.sqlite.SqliteLicenseStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk import into SQLite in a JVM of its own: killed mid-way and finished by a second run, and on a small heap. */
class ImportInChildJvmTest {
    private static final String COMPANY = "default";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** One line of the file: its order id, how many licenses it asks for, and the keys it gives. */
    private record Expected(String orderId, int licenses, List<String> givenKeys) {
    }

    @Test
    @Timeout(240)
    void anImportKilledMidwayAndRunAgainWithSkipExistingHoldsEveryOrderOnceAndWhole() throws Exception {
        Path orders = dir.resolve("orders.jsonl");
        Path catalog = dir.resolve("catalog.json");
        Path db = dir.resolve("licensing.db");
        OrderFileGenerator.write(GeneratorOptions.defaults(5).withLicenses(1, 3), 30_000, orders, catalog);
        List<Expected> expected = expectedOrders(orders);
        String[] importArgs = {"import", orders.toString(), "--db", db.toString(), "--catalog", catalog.toString(),
                "--batch-size", "500"};

        ChildLicensing first = ChildLicensing.start(dir, "256m", importArgs);
        long committedAtKill = killOnceSomeAreCommitted(first, db, expected);
        ChildLicensing second = ChildLicensing.start(dir, "256m", append(importArgs, "--skip-existing"));

        assertThat(committedAtKill).as("the kill landed mid-way").isBetween(1L, expected.size() - 1L);
        assertThat(second.exitCode(180)).as(second.err()).isZero();
        JsonNode summary = JSON.readTree(second.out());
        assertThat(summary.path("skipped").asLong()).isEqualTo(committedAtKill);
        assertThat(summary.path("created").asLong()).isEqualTo(expected.size() - committedAtKill);
        assertThat(summary.path("rejected").asLong()).isZero();
        assertEveryOrderOnceAndWhole(db, expected);
    }

    @Test
    @Timeout(240)
    void aLargeFileImportsOnASmallHeapForOnlyOneBatchIsHeld() throws Exception {
        Path orders = dir.resolve("large.jsonl");
        Path catalog = dir.resolve("catalog.json");
        int count = 100_000;
        OrderFileGenerator.write(GeneratorOptions.defaults(6).withExactLicenses(1), count, orders, catalog);

        ChildLicensing child = ChildLicensing.start(dir, "32m", "import", orders.toString(),
                "--db", dir.resolve("large.db").toString(), "--catalog", catalog.toString());

        assertThat(child.exitCode(220)).as(child.err()).isZero();
        assertThat(JSON.readTree(child.out()).path("created").asLong()).isEqualTo(count);
    }

    /** Kills the child as soon as the database shows committed orders; returns how many it holds after the kill. */
    private long killOnceSomeAreCommitted(ChildLicensing child, Path db, List<Expected> expected) throws Exception {
        List<String> firstBatch = expected.subList(0, 500).stream().map(Expected::orderId).toList();
        while (!Files.exists(db) || Files.size(db) == 0) {
            assertThat(child.isAlive()).as("the child is running").isTrue();
            Thread.sleep(20);
        }
        try (LicenseStore store = SqliteLicenseStore.open(db)) {
            while (store.read(r -> r.findOrderHeaders(COMPANY, firstBatch)).isEmpty()) {
                assertThat(child.isAlive()).as("the child is running").isTrue();
                Thread.sleep(20);
            }
            child.kill();
            return countPresent(store, expected);
        }
    }

    private static long countPresent(LicenseStore store, List<Expected> expected) {
        long present = 0;
        for (int from = 0; from < expected.size(); from += 1000) {
            List<String> ids = expected.subList(from, Math.min(from + 1000, expected.size())).stream()
                    .map(Expected::orderId).toList();
            present += store.read(r -> r.findOrderHeaders(COMPANY, ids)).size();
        }
        return present;
    }

    private static void assertEveryOrderOnceAndWhole(Path db, List<Expected> expected) {
        Set<String> keys = new HashSet<>();
        long licenses = 0;
        try (LicenseStore store = SqliteLicenseStore.open(db)) {
            for (Expected line : expected) {
                Order order = store.read(r -> r.findOrder(COMPANY, line.orderId())).orElseThrow(
                        () -> new AssertionError("order " + line.orderId() + " is missing"));
                List<License> stored = order.items().stream().flatMap(i -> i.licenses().stream()).toList();
                assertThat(stored).as(line.orderId()).hasSize(line.licenses());
                assertThat(stored).extracting(License::key).as(line.orderId())
                        .containsAll(line.givenKeys());
                stored.stream().map(License::key).filter(k -> k != null).forEach(keys::add);
                licenses += stored.stream().filter(l -> l.key() != null).count();
            }
        }
        assertThat(keys).as("no key twice").hasSize(Math.toIntExact(licenses));
    }

    private static List<Expected> expectedOrders(Path orders) throws IOException {
        List<Expected> expected = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(orders, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode order = JSON.readTree(line);
                List<String> keys = new ArrayList<>();
                int licenses = 0;
                for (JsonNode item : order.path("items")) {
                    for (JsonNode license : item.path("licenses")) {
                        licenses++;
                        if (license.hasNonNull("key")) {
                            keys.add(license.path("key").asText());
                        }
                    }
                }
                expected.add(new Expected(order.path("id").asText(), licenses, keys));
            }
        }
        return expected;
    }

    private static String[] append(String[] args, String more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(more);
        return all.toArray(String[]::new);
    }
}
