package dev.licensing.cli;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file in {@code examples/} and every page example, run with a fixed clock and seed on both stores, gives
 * byte for byte the output recorded in {@code src/test/resources/golden/} before the engine's refactorings: the
 * proof that a change of shape changed no behaviour. A mismatch leaves the actual output in
 * {@code target/golden-actual/} to compare.
 */
class ExamplesGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path ACTUAL = Path.of("target/golden-actual");
    private static final String[] FIXED = {"--now", "2025-02-24T15:45:07Z", "--seed", "42"};

    @TempDir
    Path dir;

    static Stream<Arguments> requests() {
        String key = "../examples/catalog.json";
        String user = "../examples/catalog-user-based.json";
        String bundles = "../examples/catalog-bundles.json";
        String page = "../engine-core/src/test/resources/page-examples/";
        return Stream.of(
                Arguments.of("../examples/orders/key-based.json", key),
                Arguments.of("../examples/orders/policy-a.json", key),
                Arguments.of("../examples/orders/user-based.json", user),
                Arguments.of("../examples/orders/bundle-key-based.json", bundles),
                Arguments.of("../examples/orders/bundle-user-based.json", bundles),
                Arguments.of("../examples/orders/bundle-product-orders-key-based.json", bundles),
                Arguments.of("../examples/orders/bundle-product-orders-user-based.json", bundles),
                Arguments.of(page + "request-key-based.json", key),
                Arguments.of(page + "request-minimal-key-based.json", key),
                Arguments.of(page + "request-policy-a.json", key),
                Arguments.of(page + "request-user-based.json", user),
                Arguments.of(page + "request-minimal-user-based.json", user));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void createOrderAndShowOrderGiveTheRecordedBytesOnBothStores(String request, String catalog) throws IOException {
        String name = Path.of(request).getFileName().toString().replace(".json", "");
        Path db = dir.resolve("golden.db");

        CommandRun memory = run("create-order", request, "--memory", "--catalog", catalog);
        CommandRun sqlite = run("create-order", request, "--db", db.toString(), "--catalog", catalog);
        String orderId = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build().readTree(Path.of(request).toFile()).path("id").asText();
        CommandRun shown = run("show-order", orderId, "--db", db.toString());

        assertGolden(name + ".create.out", memory.exitCode() + "\n" + memory.out());
        assertGolden(name + ".create.out", sqlite.exitCode() + "\n" + sqlite.out());
        assertGolden(name + ".show.out", shown.exitCode() + "\n" + shown.out());
    }

    @Test
    void theImportExampleGivesTheRecordedResponsesAndRejectsOnBothStores() throws IOException {
        for (String store : new String[] {"--memory", "--db"}) {
            Path responses = dir.resolve(store + "-responses.jsonl");
            Path rejects = dir.resolve(store + "-rejects.jsonl");
            CommandRun run = store.equals("--memory")
                    ? run("import", "../examples/orders.jsonl", "--memory", "--catalog", "../examples/catalog.json",
                            "--responses", responses.toString(), "--rejects", rejects.toString())
                    : run("import", "../examples/orders.jsonl", "--db", dir.resolve("import.db").toString(),
                            "--catalog", "../examples/catalog.json",
                            "--responses", responses.toString(), "--rejects", rejects.toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertGolden("orders.responses.jsonl", Files.readString(responses));
            assertGolden("orders.rejects.jsonl", Files.readString(rejects));
        }
    }

    private static CommandRun run(String... args) {
        String[] all = new String[args.length + FIXED.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(FIXED, 0, all, args.length, FIXED.length);
        return CommandRun.of(all);
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(name);
        String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : null;
        if (!actual.equals(expected)) {
            Files.createDirectories(ACTUAL);
            Files.writeString(ACTUAL.resolve(name), actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as(name).isEqualTo(expected);
    }
}
