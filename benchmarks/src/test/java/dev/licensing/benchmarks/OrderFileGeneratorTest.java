package dev.licensing.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderFileGeneratorTest {

    @TempDir
    Path directory;

    @Test
    void theSameArgumentsWriteByteIdenticalFilesAndAnotherSeedOthers() throws IOException {
        String[] args = {"--orders", "3000", "--seed", "42", "--bad-share", "0.02", "--min-licenses", "1",
                "--max-licenses", "5", "--user-share", "0.3"};

        OrderFileGenerator.main(with(args, "a"));
        OrderFileGenerator.main(with(args, "b"));
        args[3] = "43";
        OrderFileGenerator.main(with(args, "c"));

        assertThat(Files.mismatch(directory.resolve("a.jsonl"), directory.resolve("b.jsonl"))).isEqualTo(-1);
        assertThat(Files.mismatch(directory.resolve("a.json"), directory.resolve("b.json"))).isEqualTo(-1);
        assertThat(Files.mismatch(directory.resolve("a.jsonl"), directory.resolve("c.jsonl"))).isNotEqualTo(-1);
        assertThat(Files.readAllLines(directory.resolve("a.jsonl"))).hasSize(3000);
    }

    @Test
    void theFileHoldsTheGeneratorsLinesAndTheCatalogFileItsCatalog() throws IOException {
        GeneratorOptions options = GeneratorOptions.defaults(5).withBadShare(0.01).withExactLicenses(3);
        Path orders = directory.resolve("orders.jsonl");
        Path catalogFile = directory.resolve("catalog.json");

        OrderFileGenerator.write(options, 1000, orders, catalogFile);

        OrderGenerator generator = new OrderGenerator(options);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            expected.add(generator.nextLine());
        }
        assertThat(Files.readAllLines(orders)).isEqualTo(expected);
        assertCatalogFile(new ObjectMapper().readTree(catalogFile.toFile()), generator.catalog().catalog());
    }

    /** DESIGN §4's shape, and the same products, features, custom fields and policies as the Java value. */
    private static void assertCatalogFile(JsonNode file, Catalog catalog) {
        assertThat(file.fieldNames()).toIterable()
                .containsExactly("products", "policies", "customer_accounts", "offers", "vip_customers");
        assertThat(file.get("offers").isEmpty()).isTrue();
        assertThat(file.get("vip_customers").isEmpty()).isTrue();
        assertThat(file.get("products")).hasSize(catalog.products().size());
        for (int i = 0; i < catalog.products().size(); i++) {
            Product product = catalog.products().get(i);
            JsonNode node = file.get("products").get(i);
            assertThat(node.get("id").asLong()).isEqualTo(product.id());
            assertThat(node.get("code").asText()).isEqualTo(product.code());
            assertThat(node.get("name").asText()).isEqualTo(product.name());
            assertThat(node.get("authorization_method").asText()).isIn("license-key", "user")
                    .isEqualTo(product.authorizationMethod().wire());
            assertThat(node.get("default_policy").asText()).isEqualTo(product.defaultPolicy());
            assertThat(node.get("max_activations").asInt()).isEqualTo(product.defaults().maxActivations());
            assertThat(node.get("features")).hasSize(product.features().size());
            for (int f = 0; f < product.features().size(); f++) {
                assertThat(node.get("features").get(f).get("code").asText())
                        .isEqualTo(product.features().get(f).code());
                assertThat(node.get("features").get(f).get("id").asLong())
                        .isEqualTo(product.features().get(f).id());
            }
            assertThat(node.get("custom_fields")).hasSize(product.customFields().size());
            for (int f = 0; f < product.customFields().size(); f++) {
                JsonNode field = node.get("custom_fields").get(f);
                assertThat(field.get("name").asText()).isEqualTo(product.customFields().get(f).name());
                assertThat(field.get("data_type").asText()).isEqualTo(product.customFields().get(f).dataType().wire());
            }
            assertThat(node.get("bundle_products").isEmpty()).isTrue();
        }
        assertThat(file.get("policies")).hasSize(catalog.policies().size());
        for (int i = 0; i < catalog.policies().size(); i++) {
            Policy policy = catalog.policies().get(i);
            JsonNode node = file.get("policies").get(i);
            assertThat(node.has("id")).as("ids are assigned in file order").isFalse();
            assertThat(policy.id()).isEqualTo(i + 1);
            assertThat(node.get("product_code").asText()).isEqualTo(policy.productCode());
            assertThat(node.get("code").asText()).isEqualTo(policy.code());
            assertThat(node.get("license_type").asText()).isEqualTo(policy.properties().licenseType().wire());
            if (policy.properties().consumptionPeriod() != null) {
                assertThat(node.get("consumption_period").asText())
                        .isEqualTo(policy.properties().consumptionPeriod().wire());
                assertThat(node.get("max_consumptions").asLong()).isEqualTo(policy.properties().maxConsumptions());
            }
            if (policy.properties().validDuration() != null) {
                assertThat(node.get("valid_duration").asText()).isEqualTo(policy.properties().validDuration());
            }
            if (policy.properties().gracePeriod() != null) {
                assertThat(node.get("grace_period").asInt()).isEqualTo(policy.properties().gracePeriod());
            }
            if (policy.properties().isTrial() != null) {
                assertThat(node.get("is_trial").asBoolean()).isTrue();
            }
        }
        assertThat(file.get("customer_accounts")).hasSize(catalog.customerAccounts().size());
    }

    private String[] with(String[] args, String name) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", directory.resolve(name + ".jsonl").toString(),
                "--catalog-out", directory.resolve(name + ".json").toString()));
        return all.toArray(String[]::new);
    }
}
