package dev.licensing.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensing.testkit.ResponseSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CreateOrderCommandTest {
    private static final Path PAGE_EXAMPLES = Path.of("../engine-core/src/test/resources/page-examples");
    private static final String KEY_CATALOG = "../examples/catalog.json";
    private static final String USER_CATALOG = "../examples/catalog-user-based.json";
    private static final String BUNDLE_CATALOG = "../examples/catalog-bundles.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"request-key-based.json", "request-minimal-key-based.json", "request-policy-a.json"})
    void everyKeyBasedPageExampleIsCreatedAndItsResponseFitsTheSchema(String example) throws IOException {
        CommandRun run = createOrder(PAGE_EXAMPLES.resolve(example), KEY_CATALOG);

        assertThat(run.exitCode()).as(run.err()).isZero();
        ResponseSchemas.assertValidResponse(run.out(), false);
        JsonNode license = JSON.readTree(run.out()).at("/order_items/0/licenses/0");
        assertThat(license.path("license_key").isTextual()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"request-user-based.json", "request-minimal-user-based.json"})
    void everyUserBasedPageExampleIsCreatedWithTheNewUsersPassword(String example) throws IOException {
        CommandRun run = createOrder(PAGE_EXAMPLES.resolve(example), USER_CATALOG);

        assertThat(run.exitCode()).as(run.err()).isZero();
        ResponseSchemas.assertValidResponse(run.out(), false);
        JsonNode response = JSON.readTree(run.out());
        assertThat(response.at("/new_passwords/0/email").asText()).isEqualTo("end-user@gmail.com");
        assertThat(response.at("/new_passwords/0/password").asText()).matches("[A-Za-z0-9]{20}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bundle-key-based.json", "bundle-user-based.json", "bundle-product-orders-key-based.json",
            "bundle-product-orders-user-based.json"})
    void everyBundleExampleCreatesABundleLicenseFollowedByItsSubLicenses(String example) throws IOException {
        CommandRun run = createOrder(Path.of("../examples/orders").resolve(example), BUNDLE_CATALOG);

        assertThat(run.exitCode()).as(run.err()).isZero();
        ResponseSchemas.assertValidResponse(run.out(), true);
        JsonNode licenses = JSON.readTree(run.out()).at("/order_items/0/Licenses");
        assertThat(licenses.get(0).path("is_bundle").asBoolean()).isTrue();
        assertThat(licenses.size()).isGreaterThan(1);
        for (int j = 1; j < licenses.size(); j++) {
            assertThat(licenses.get(j).path("bundle_license_id")).isEqualTo(licenses.get(0).path("id"));
        }
    }

    @Test
    void theSameInputClockAndSeedGiveByteIdenticalOutput() {
        CommandRun first = createOrder(Path.of("../examples/orders/policy-a.json"), KEY_CATALOG);
        CommandRun second = createOrder(Path.of("../examples/orders/policy-a.json"), KEY_CATALOG);

        assertThat(first.exitCode()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void aRejectedOrderPrintsEveryErrorWithItsFieldAndExitsOne() throws IOException {
        Path request = write("""
                {"id": "o-1", "items": [{"product_code": "TT", "licenses": [
                  {"license_type": "time-limited", "valid_duration": "1x"},
                  {"max_activations": -2}]}]}""");

        CommandRun run = createOrder(request, KEY_CATALOG);

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode errors = JSON.readTree(run.out()).path("errors");
        assertThat(errors.findValuesAsText("field"))
                .contains("items[0].licenses[0].valid_duration", "items[0].licenses[1].max_activations");
        assertThat(errors.findValuesAsText("code")).contains("invalid_duration", "validation_error");
    }

    @Test
    void aBodyThatIsNotJsonIsRejectedWithExitOne() throws IOException {
        CommandRun run = createOrder(write("{\"id\": "), KEY_CATALOG);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(run.out()).at("/errors/0/code").asText()).isEqualTo("invalid_json");
    }

    @Test
    void aBodyThatIsNotUtf8IsInvalidEncodingWithExitOneAndAByteOrderMarkIsSkipped() throws IOException {
        Path latin1 = Files.createTempFile(dir, "request", ".json");
        Files.write(latin1, "{\"id\": \"caf\u00e9\", \"items\": [{\"product_code\": \"TT\", \"licenses\": [{}]}]}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CommandRun refused = createOrder(latin1, KEY_CATALOG);
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
        assertThat(JSON.readTree(refused.out()).at("/errors/0/code").asText()).isEqualTo("invalid_encoding");

        Path withBom = Files.createTempFile(dir, "request", ".json");
        Files.write(withBom, ("\ufeff{\"id\": \"bom-1\", \"items\": [{\"product_code\": \"TT\", \"licenses\": [{}]}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CommandRun created = createOrder(withBom, KEY_CATALOG);
        assertThat(created.exitCode()).as(created.out()).isZero();
    }

    @Test
    void unknownFieldsAreErrorsUnlessIgnoredAndThenEachIsOneWarningLine() throws IOException {
        Path request = write("""
                {"id": "o-2", "is_trial": true, "items": [{"product_code": "TT", "licenses": [{"max_activation": 4}]}]}""");

        CommandRun strict = createOrder(request, KEY_CATALOG);
        CommandRun lenient = CommandRun.of("create-order", request.toString(), "--memory", "--catalog", KEY_CATALOG,
                "--ignore-unknown-fields");

        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(strict.out()).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("is_trial", "items[0].licenses[0].max_activation");
        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        assertThat(lenient.err().lines())
                .containsExactlyInAnyOrder("warning: is_trial: unknown field ignored",
                        "warning: items[0].licenses[0].max_activation: unknown field ignored");
    }

    @Test
    void anInvalidCatalogIsRefusedWithItsErrorsAndExitOne() throws IOException {
        Path catalog = write("{\"products\": [{\"code\": \"TT\", \"authorization_method\": \"dongle\"}]}");

        CommandRun run = createOrder(Path.of("../examples/orders/policy-a.json"), catalog.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(run.out()).at("/errors/0/code").asText()).isEqualTo("invalid_catalog");
        assertThat(JSON.readTree(run.out()).at("/errors/0/field").asText())
                .isEqualTo("products[0].authorization_method");
    }

    @Test
    void aMissingRequestFileIsACommandLineErrorWithExitTwo() {
        CommandRun run = createOrder(dir.resolve("absent.json"), KEY_CATALOG);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("absent.json");
    }

    @Test
    void anUnknownOptionIsACommandLineErrorWithExitTwo() {
        CommandRun run = CommandRun.of("create-order", "--frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--frobnicate");
    }

    @Test
    void aBadNowIsACommandLineErrorWithExitTwo() {
        CommandRun run = CommandRun.of("create-order", "x.json", "--memory", "--now", "yesterday");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("yesterday");
    }

    /**
     * DESIGN §3 "Retried deliveries": a retry under its key, in another process on the same file, prints the first
     * response again with new_passwords empty and the replayed warning on stderr; another body under the key exits 1.
     */
    @Test
    void aRetryUnderItsIdempotencyKeyPrintsTheFirstResponseAgainAndAnotherBodyIsRefused() throws IOException {
        Path db = dir.resolve("store.db");
        Path request = PAGE_EXAMPLES.resolve("request-user-based.json");
        CommandRun first = createOrderIn(db, request, "--idempotency-key", "webhook-7");
        CommandRun retry = createOrderIn(db, request, "--idempotency-key", "webhook-7");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(JSON.readTree(first.out()).path("new_passwords").size()).isEqualTo(1);
        assertThat(retry.exitCode()).as(retry.err()).isZero();
        assertThat(retry.out()).isEqualTo(first.out().replaceFirst("\"new_passwords\" : \\[[^\\]]*\\]",
                "\"new_passwords\" : [ ]"));
        assertThat(retry.err().lines()).singleElement().asString()
                .startsWith("warning: replayed: the first response to idempotency key 'webhook-7'");
        CommandRun show = CommandRun.of("show-order", "id_1546606209296", "--db", db.toString());
        assertThat(show.out()).as("nothing written by the retry").isEqualTo(retry.out());

        Path other = write("{\"id\": \"another\", \"items\": [{\"product_code\": \"TT\", \"licenses\": "
                + "[{\"users\": [{\"email\": \"someone@example.com\"}]}]}]}");
        CommandRun refused = createOrderIn(db, other, "--idempotency-key", "webhook-7");
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
        JsonNode error = JSON.readTree(refused.out()).at("/errors/0");
        assertThat(error.path("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(error.path("field").asText()).isEqualTo("idempotency_key");

        CommandRun invalid = createOrderIn(db, request, "--idempotency-key", "webhook 7");
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(invalid.out()).at("/errors/0/field").asText()).isEqualTo("idempotency_key");
    }

    private CommandRun createOrderIn(Path db, Path request, String... more) {
        List<String> args = new ArrayList<>(List.of("create-order", request.toString(), "--db", db.toString(),
                "--catalog", USER_CATALOG, "--now", "2025-02-24T15:45:07Z", "--seed", "42"));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    private CommandRun createOrder(Path request, String catalog) {
        return CommandRun.of("create-order", request.toString(), "--memory", "--catalog", catalog,
                "--now", "2025-02-24T15:45:07Z", "--seed", "42");
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "request", ".json");
        return Files.writeString(file, content);
    }
}
