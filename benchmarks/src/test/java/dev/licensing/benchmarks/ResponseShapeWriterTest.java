package dev.licensing.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseShapeWriterTest {

    private final ResponseShapeWriter writer = new ResponseShapeWriter();

    @Test
    void everyKeyBasedLicenseHasTheFortyTwoFieldsAndItsGivenKey() throws IOException {
        OrderGenerator generator = new OrderGenerator(
                GeneratorOptions.defaults(1).withExactLicenses(10).withUserShare(0).withGivenKeyShare(0.5));
        for (int i = 0; i < 50; i++) {
            JsonNode request = LineFacts.parse(generator.nextLine());

            JsonNode response = respond(request);

            List<JsonNode> requested = LineFacts.licenses(request);
            List<JsonNode> written = licenses(response);
            assertThat(written).hasSize(requested.size());
            for (int l = 0; l < written.size(); l++) {
                assertThat(written.get(l).size()).isEqualTo(42);
                if (requested.get(l).has("key")) {
                    assertThat(written.get(l).get("license_key").asText())
                            .isEqualTo(requested.get(l).get("key").asText());
                }
            }
            assertThat(response.get("new_passwords").isEmpty()).isTrue();
        }
    }

    @Test
    void userBasedLicensesListTheirUsersAndEachGetsAPassword() throws IOException {
        OrderGenerator generator = new OrderGenerator(GeneratorOptions.defaults(2).withUserShare(1));
        JsonNode request = LineFacts.parse(generator.nextLine());

        JsonNode response = respond(request);

        long users = LineFacts.licenses(request).stream().mapToLong(l -> l.get("users").size()).sum();
        assertThat(response.get("new_passwords")).hasSize((int) users);
        assertThat(licenses(response)).allSatisfy(license -> {
            assertThat(license.has("license_key")).isFalse();
            assertThat(license.get("users").size()).isPositive();
        });
    }

    private JsonNode respond(JsonNode request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(request, out);
        return LineFacts.parse(out.toString(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> licenses(JsonNode response) {
        List<JsonNode> licenses = new java.util.ArrayList<>();
        response.get("order_items").forEach(item -> item.get("licenses").forEach(licenses::add));
        return licenses;
    }
}
