package dev.licensing.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What only a process of its own shows: a signal in the middle of an import, and running out of memory. */
class SignalsAndFailuresInChildJvmTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Timeout(240)
    void sigtermSettlesTheBatchFlushesTheResponsesPrintsTheSummaryAndExits143() throws Exception {
        Path orders = dir.resolve("orders.jsonl");
        Path catalog = dir.resolve("catalog.json");
        Path db = dir.resolve("licensing.db");
        Path responses = dir.resolve("responses.jsonl");
        OrderFileGenerator.write(GeneratorOptions.defaults(15).withExactLicenses(1).withBadShare(0), 60_000, orders,
                catalog);
        List<String> orderIds = orderIds(orders);
        String[] importArgs = {"import", orders.toString(), "--db", db.toString(), "--catalog", catalog.toString(),
                "--batch-size", "500", "--responses", responses.toString()};

        ChildLicensing child = ChildLicensing.start(dir, "256m", importArgs);
        waitForResponses(child, responses);
        child.terminate();

        assertThat(child.exitCode(120)).as(child.err()).isEqualTo(143);
        assertThat(child.err()).contains("resume with the same command and --skip-existing")
                .doesNotContain("\tat ");
        JsonNode summary = JSON.readTree(child.out());
        long created = summary.path("created").asLong();
        assertThat(created).as("stopped mid-way").isBetween(1L, orderIds.size() - 1L);
        List<String> responded = respondedEngineIds(responses);
        assertThat(responded).as("one whole response line per created order").hasSize(Math.toIntExact(created));
        assertThat(committedEngineIds(db, orderIds)).as("the committed orders are exactly those with a response")
                .containsExactlyInAnyOrderElementsOf(responded);

        ChildLicensing resumed = ChildLicensing.start(dir, "256m", append(importArgs, "--skip-existing"));
        assertThat(resumed.exitCode(180)).as(resumed.err()).isZero();
        JsonNode second = JSON.readTree(resumed.out());
        assertThat(second.path("skipped").asLong()).isEqualTo(created);
        assertThat(second.path("created").asLong()).isEqualTo(orderIds.size() - created);
    }

    @Test
    @Timeout(120)
    void runningOutOfMemoryIsAnInternalErrorExitFourInOneLineNeverARejection() throws Exception {
        Path order = dir.resolve("large-order.json");
        StringBuilder body = new StringBuilder("{\"id\": \"large\", \"items\": [{\"product_code\": \"TT\", \"licenses\": [");
        for (int n = 0; n < 10_000; n++) {
            body.append(n == 0 ? "{}" : ",{}");
        }
        Files.writeString(order, body.append("]}]}").toString());

        ChildLicensing child = ChildLicensing.start(dir, "16m", "create-order", order.toString(), "--memory",
                "--catalog", "../examples/catalog.json");

        assertThat(child.exitCode(100)).as(child.err()).isEqualTo(4);
        assertThat(child.err().lines()).singleElement().satisfies(line ->
                assertThat(line).startsWith("licensing: internal error: out of memory"));
    }

    private static void waitForResponses(ChildLicensing child, Path responses) throws Exception {
        while (!Files.exists(responses) || Files.size(responses) < 200_000) {
            assertThat(child.isAlive()).as("the child is running").isTrue();
            Thread.sleep(20);
        }
    }

    private static List<String> orderIds(Path orders) throws IOException {
        List<String> ids = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(orders, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                ids.add(JSON.readTree(line).path("id").asText());
            }
        }
        return ids;
    }

    /** The engine's order ids ({@code order_id}) of the responses, each line whole JSON (a cut line fails here). */
    private static List<String> respondedEngineIds(Path responses) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(responses)) {
            ids.add(JSON.readTree(line).path("order_id").asText());
        }
        return ids;
    }

    private static List<String> committedEngineIds(Path db, List<String> orderIds) {
        List<String> ids = new ArrayList<>();
        try (LicenseStore store = SqliteLicenseStore.open(db)) {
            for (int from = 0; from < orderIds.size(); from += 1000) {
                List<String> chunk = orderIds.subList(from, Math.min(from + 1000, orderIds.size()));
                store.read(r -> r.findOrderHeaders("default", chunk)).values()
                        .forEach(order -> ids.add(String.valueOf(order.id())));
            }
        }
        return ids;
    }

    private static String[] append(String[] args, String more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(more);
        return all.toArray(String[]::new);
    }
}
