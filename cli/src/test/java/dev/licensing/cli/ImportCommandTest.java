package dev.licensing.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensing.testkit.ResponseSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ImportCommandTest {
    private static final String CATALOG = "../examples/catalog.json";
    private static final Path EXAMPLE = Path.of("../examples/orders.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theSummaryOnStdoutCountsEveryLineAndARejectedLineMakesTheExitOne() throws IOException {
        CommandRun run = importFile(EXAMPLE);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode summary = JSON.readTree(run.out());
        assertThat(summary.path("read").asLong()).isEqualTo(6);
        assertThat(summary.path("created").asLong()).isEqualTo(3);
        assertThat(summary.path("skipped").asLong()).isZero();
        assertThat(summary.path("rejected").asLong()).isEqualTo(3);
        assertThat(summary.path("seconds").isNumber()).isTrue();
        assertThat(summary.path("orders_per_second").isNumber()).isTrue();
    }

    @Test
    void eachRejectedLineGoesToTheRejectsFileWithItsLineIdAndErrors() throws IOException {
        Path rejects = dir.resolve("rejects.jsonl");

        importFile(EXAMPLE, "--rejects", rejects.toString());

        List<JsonNode> lines = readLines(rejects);
        assertThat(lines).extracting(l -> l.path("line").asLong(), l -> l.path("id").asText(),
                        l -> l.at("/errors/0/code").asText())
                .containsExactly(tuple(3L, "imp-3", "invalid_duration"), tuple(4L, "imp-4", "unknown_product"),
                        tuple(5L, "imp-5", "license_key_exists"));
        assertThat(lines.get(0).at("/errors/0/field").asText()).isEqualTo("items[0].licenses[0].valid_duration");
        assertThat(lines.get(0).at("/errors/0/message").asText()).isNotEmpty();
    }

    @Test
    void aRejectedLineWithoutAnIdHasANullId() throws IOException {
        Path rejects = dir.resolve("rejects.jsonl");
        Path file = write("{\"id\": \"ok-1\", \"items\": [{\"product_code\": \"TT\", \"licenses\": [{}]}]}",
                "this is not json");

        CommandRun run = importFile(file, "--rejects", rejects.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode rejected = readLines(rejects).get(0);
        assertThat(rejected.path("line").asLong()).isEqualTo(2);
        assertThat(rejected.has("id")).isTrue();
        assertThat(rejected.path("id").isNull()).isTrue();
        assertThat(rejected.at("/errors/0/code").asText()).isEqualTo("invalid_json");
    }

    @Test
    void eachCreatedOrderGoesToTheResponsesFileAsOneResponseLine() throws IOException {
        Path responses = dir.resolve("responses.jsonl");

        importFile(EXAMPLE, "--responses", responses.toString());

        List<String> lines = Files.readAllLines(responses);
        assertThat(lines).hasSize(3);
        lines.forEach(line -> ResponseSchemas.assertValidResponse(line, false));
        assertThat(JSON.readTree(lines.get(0)).at("/order_items/0/licenses/0/license_key").asText())
                .isEqualTo("AAAA-BBBB-CCCC-0001");
        assertThat(JSON.readTree(lines.get(2)).path("order_items")).hasSize(1);
    }

    @Test
    void aFileWithoutRejectedLinesExitsZero() throws IOException {
        Path file = write("{\"id\": \"g-1\", \"items\": [{\"product_code\": \"TT\", \"licenses\": [{}]}]}", "",
                "{\"id\": \"g-2\", \"items\": [{\"product_code\": \"TT\", \"licenses\": [{}, {}]}]}");

        CommandRun run = importFile(file, "--batch-size", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).path("created").asLong()).isEqualTo(2);
    }

    @Test
    void ignoredUnknownFieldsAreOneWarningLineEachOnStderr() throws IOException {
        Path file = write("{\"id\": \"w-1\", \"is_trial\": true, \"items\": [{\"product_code\": \"TT\", "
                + "\"licenses\": [{}]}]}");

        CommandRun run = importFile(file, "--ignore-unknown-fields");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err().lines()).contains("warning: line 1: is_trial: unknown field ignored");
    }

    @Test
    void aMissingFileIsACommandLineErrorWithExitTwo() {
        CommandRun run = importFile(dir.resolve("absent.jsonl"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("absent.jsonl");
    }

    @Test
    void aBatchSizeBelowOneIsACommandLineErrorWithExitTwo() {
        CommandRun run = importFile(EXAMPLE, "--batch-size", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--batch-size");
    }

    @Test
    void aLineThatIsNotUtf8IsRejectedAloneAndAByteOrderMarkAndCrlfAreFine() throws IOException {
        Path file = dir.resolve("messy.jsonl");
        Path rejects = dir.resolve("rejects.jsonl");
        try (var out = Files.newOutputStream(file)) {
            out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write("{\"id\": \"u-1\", \"items\": [{\"product_code\": \"TT\", \"licenses\": [{}]}]}\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            out.write("{\"id\": \"u-2\", \"customer\": {\"first_name\": \"Ren".getBytes(StandardCharsets.UTF_8));
            out.write(0xE9);
            out.write("\"}, \"items\": [{\"product_code\": \"TT\", \"licenses\": [{}]}]}\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            out.write("{\"id\": \"u-3\", \"items\": [{\"product_code\": \"TT\", \"licenses\": [{}]}]}"
                    .getBytes(StandardCharsets.UTF_8));
        }

        CommandRun run = importFile(file, "--rejects", rejects.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode summary = JSON.readTree(run.out());
        assertThat(summary.path("created").asLong()).isEqualTo(2);
        assertThat(summary.path("rejected").asLong()).isEqualTo(1);
        JsonNode rejected = readLines(rejects).get(0);
        assertThat(rejected.path("line").asLong()).isEqualTo(2);
        assertThat(rejected.path("id").isNull()).isTrue();
        assertThat(rejected.at("/errors/0/code").asText()).isEqualTo("invalid_encoding");
    }

    @Test
    void aFullDiskIsOneLineNamingTheFileExitThreeAndTheBatchRolledBack() throws IOException {
        Path devFull = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(devFull), "needs Linux's /dev/full");
        Path db = dir.resolve("full.db");

        CommandRun run = CommandRun.of("import", EXAMPLE.toString(), "--db", db.toString(), "--catalog", CATALOG,
                "--responses", devFull.toString(), "--batch-size", "1");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("licensing: cannot write /dev/full: No space left on device")
                .contains("--skip-existing"));
        CommandRun shown = CommandRun.of("show-order", "imp-1", "--db", db.toString());
        assertThat(shown.exitCode()).as("the first batch could not keep its response, so it rolled back").isEqualTo(1);
    }

    private CommandRun importFile(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("import", file.toString(), "--memory", "--catalog", CATALOG,
                "--now", "2025-02-24T15:45:07Z", "--seed", "42"));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    private Path write(String... lines) throws IOException {
        return Files.write(Files.createTempFile(dir, "orders", ".jsonl"), List.of(lines));
    }

    private static List<JsonNode> readLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
