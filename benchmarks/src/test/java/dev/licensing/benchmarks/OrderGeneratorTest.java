package dev.licensing.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.LicenseType;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.catalog.ProductCustomField;
import dev.licensing.api.catalog.ProductFeature;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderGeneratorTest {

    private static List<String> lines(GeneratorOptions options, int count) {
        OrderGenerator generator = new OrderGenerator(options);
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(generator.nextLine());
        }
        return lines;
    }

    @Test
    void sameOptionsGiveTheSameLinesAndAnotherSeedOthers() {
        GeneratorOptions options = GeneratorOptions.defaults(7).withBadShare(0.05);

        List<String> first = lines(options, 3000);

        assertThat(lines(options, 3000)).isEqualTo(first);
        List<String> otherSeed = lines(GeneratorOptions.defaults(8).withBadShare(0.05), 3000);
        assertThat(otherSeed).doesNotContainAnyElementsOf(first);
    }

    @Test
    void writeLinesWritesWhatNextLineReturnsOneALine() throws IOException {
        GeneratorOptions options = GeneratorOptions.defaults(3).withBadShare(0.1);
        StringWriter out = new StringWriter();

        new OrderGenerator(options).writeLines(out, 500);

        assertThat(out.toString()).isEqualTo(String.join("\n", lines(options, 500)) + "\n");
    }

    @Test
    void everyLineIsAJsonObjectWithAUniqueOrderId() {
        List<String> lines = lines(GeneratorOptions.defaults(11).withBadShare(0.05), 20_000);

        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            assertThat(line).doesNotContain("\n");
            JsonNode order = LineFacts.parse(line);
            assertThat(order.isObject()).isTrue();
            assertThat(order.path("id").isTextual()).isTrue();
            assertThat(order.path("items").size()).isPositive();
            ids.add(order.get("id").asText());
        }
        assertThat(ids).hasSize(lines.size());
    }

    @Test
    void badLinesComeInTheAskedShareEachWithExactlyOneDefectOfEveryKind() {
        OrderGenerator generator = new OrderGenerator(GeneratorOptions.defaults(5).withBadShare(0.05));
        LineFacts facts = new LineFacts(generator.catalog().catalog());
        Map<Defect, Integer> kinds = new EnumMap<>(Defect.class);
        int bad = 0;
        int lines = 20_000;

        for (int i = 0; i < lines; i++) {
            Set<Defect> defects = facts.defects(LineFacts.parse(generator.nextLine()));
            assertThat(defects.size()).as("defects of line %d", i).isLessThanOrEqualTo(1);
            if (!defects.isEmpty()) {
                bad++;
                defects.forEach(defect -> kinds.merge(defect, 1, Integer::sum));
            }
        }

        // 1,000 expected; the binomial's standard deviation is about 31.
        assertThat(bad).isBetween(880, 1120);
        assertThat(kinds.keySet()).containsExactlyInAnyOrder(Defect.values());
        assertThat(kinds.values()).allSatisfy(count -> assertThat(count).isGreaterThan(150));
    }

    @Test
    void noBadLinesWhenNoneAreAsked() {
        OrderGenerator generator = new OrderGenerator(GeneratorOptions.defaults(5));
        LineFacts facts = new LineFacts(generator.catalog().catalog());

        for (int i = 0; i < 10_000; i++) {
            assertThat(facts.defects(LineFacts.parse(generator.nextLine()))).isEmpty();
        }
    }

    @Test
    void licenseCountsStayWithinTheBoundsAndReachBoth() {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String line : lines(GeneratorOptions.defaults(2).withLicenses(2, 7), 5000)) {
            counts.merge(LineFacts.licenses(LineFacts.parse(line)).size(), 1, Integer::sum);
        }

        assertThat(counts.keySet()).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7);
        assertThat(counts.get(2)).as("small orders are the most common").isGreaterThan(counts.get(7));
    }

    @Test
    void anExactCountOfKeyBasedLicensesIsExact() {
        for (int exact : new int[] {1, 10}) {
            GeneratorOptions options = GeneratorOptions.defaults(4).withExactLicenses(exact).withUserShare(0);
            OrderGenerator generator = new OrderGenerator(options);
            Set<String> keyProducts = codes(generator.catalog().keyProducts());

            for (int i = 0; i < 2000; i++) {
                JsonNode order = LineFacts.parse(generator.nextLine());
                assertThat(LineFacts.licenses(order)).hasSize(exact)
                        .allSatisfy(license -> assertThat(license.has("users")).isFalse());
                order.path("items").forEach(item ->
                        assertThat(keyProducts).contains(item.path("product_code").asText()));
            }
        }
    }

    @Test
    void userShareOneGivesOnlyUserBasedOrdersAndAFifthByDefault() {
        OrderGenerator users = new OrderGenerator(GeneratorOptions.defaults(6).withUserShare(1.0));
        Set<String> userProducts = codes(users.catalog().userProducts());
        for (int i = 0; i < 2000; i++) {
            JsonNode order = LineFacts.parse(users.nextLine());
            order.path("items").forEach(item ->
                    assertThat(userProducts).contains(item.path("product_code").asText()));
            assertThat(LineFacts.licenses(order)).allSatisfy(license -> {
                assertThat(license.path("users").size()).isBetween(1, 3);
                assertThat(license.has("key")).isFalse();
            });
        }

        long userBased = lines(GeneratorOptions.defaults(6), 10_000).stream()
                .map(LineFacts::parse)
                .filter(order -> userProducts.contains(order.path("items").get(0).path("product_code").asText()))
                .count();
        assertThat(userBased).isBetween(1800L, 2200L);
    }

    @Test
    void theCatalogNamesEverythingTheGoodLinesUse() {
        OrderGenerator generator = new OrderGenerator(GeneratorOptions.defaults(9).withBadShare(0.05));
        Catalog catalog = generator.catalog().catalog();
        LineFacts facts = new LineFacts(catalog);
        Map<String, Product> products = catalog.products().stream()
                .collect(Collectors.toMap(Product::code, Function.identity()));
        Set<Long> accounts = catalog.customerAccounts().stream().map(a -> a.id()).collect(Collectors.toSet());
        int checked = 0;

        for (int i = 0; i < 20_000; i++) {
            JsonNode order = LineFacts.parse(generator.nextLine());
            if (!facts.defects(order).isEmpty()) {
                continue;
            }
            checked++;
            if (order.has("customer_account_id")) {
                assertThat(accounts).contains(order.get("customer_account_id").asLong());
            }
            for (JsonNode item : order.path("items")) {
                Product product = products.get(item.path("product_code").asText());
                assertThat(product).isNotNull();
                Set<String> policies = catalog.policies().stream()
                        .filter(p -> p.productCode().equals(product.code())).map(Policy::code)
                        .collect(Collectors.toSet());
                assertThat(policies).contains(product.defaultPolicy());
                Set<String> features = product.features().stream().map(ProductFeature::code)
                        .collect(Collectors.toSet());
                Map<String, String> fieldTypes = product.customFields().stream()
                        .collect(Collectors.toMap(ProductCustomField::name, f -> f.dataType().wire()));
                for (JsonNode license : item.path("licenses")) {
                    boolean userBased = product.authorizationMethod() == AuthorizationMethod.USER;
                    assertThat(license.has("users")).isEqualTo(userBased);
                    assertThat(license.has("key") && userBased).isFalse();
                    for (String name : List.of("policy_code", "license_template_code")) {
                        if (license.has(name)) {
                            assertThat(policies).contains(license.get(name).asText());
                        }
                    }
                    license.path("product_features").forEach(feature -> assertThat(features)
                            .contains(feature.isTextual() ? feature.asText() : feature.path("code").asText()));
                    license.path("custom_fields").forEach(field -> assertThat(fieldTypes)
                            .containsEntry(field.path("name").asText(), field.path("data_type").asText()));
                }
            }
        }
        assertThat(checked).isGreaterThan(18_000);
    }

    @Test
    void theMixIsRealistic() {
        List<JsonNode> orders = lines(GeneratorOptions.defaults(12), 20_000).stream().map(LineFacts::parse).toList();
        GeneratedCatalog catalog = new OrderGenerator(GeneratorOptions.defaults(12)).catalog();
        Map<String, Integer> customerEmails = new HashMap<>();
        Map<String, Integer> userEmails = new HashMap<>();
        Set<String> years = new HashSet<>();
        Set<LicenseType> types = EnumSet.noneOf(LicenseType.class);
        Set<String> fields = new HashSet<>();
        int dateOnly = 0;
        int givenKeys = 0;
        int generatedKeys = 0;
        int longFeatures = 0;
        int shortFeatures = 0;

        for (JsonNode order : orders) {
            String created = order.path("created").asText();
            years.add(created.substring(0, 4));
            if (created.length() == 10) {
                dateOnly++;
            }
            if (order.has("customer")) {
                customerEmails.merge(order.get("customer").get("email").asText(), 1, Integer::sum);
            }
            for (JsonNode item : order.path("items")) {
                Product product = catalog.catalog().products().stream()
                        .filter(p -> p.code().equals(item.path("product_code").asText())).findFirst().orElseThrow();
                for (JsonNode license : item.path("licenses")) {
                    license.fieldNames().forEachRemaining(fields::add);
                    String policy = license.has("policy_code") ? license.get("policy_code").asText()
                            : license.has("license_template_code") ? license.get("license_template_code").asText()
                            : product.defaultPolicy();
                    types.add(catalog.policy(product.code(), policy).properties().licenseType());
                    license.path("users").forEach(user -> userEmails.merge(user.get("email").asText(), 1,
                            Integer::sum));
                    if (product.authorizationMethod() == AuthorizationMethod.LICENSE_KEY) {
                        if (license.has("key")) {
                            givenKeys++;
                        } else {
                            generatedKeys++;
                        }
                    }
                    for (JsonNode feature : license.path("product_features")) {
                        if (feature.isTextual()) {
                            shortFeatures++;
                        } else {
                            longFeatures++;
                        }
                    }
                }
            }
        }

        assertThat(years).hasSizeGreaterThanOrEqualTo(5);
        assertThat(dateOnly).isBetween(300, 900);
        assertThat(types).containsExactlyInAnyOrder(LicenseType.values());
        assertThat(fields).contains("max_activations", "valid_duration", "is_trial", "trial_days", "max_consumptions",
                "allow_overages", "grace_period", "license_type", "maintenance_duration", "start_date", "note",
                "metadata", "custom_fields", "product_features", "policy_code", "license_template_code",
                "max_license_users");
        assertThat(customerEmails.values()).as("customers come back").anySatisfy(n -> assertThat(n).isGreaterThan(1));
        assertThat(userEmails.values()).as("users come back").anySatisfy(n -> assertThat(n).isGreaterThan(1));
        assertThat(givenKeys).isPositive();
        assertThat(generatedKeys).isGreaterThan(givenKeys);
        assertThat(shortFeatures).isPositive();
        assertThat(longFeatures).isPositive();
    }

    @Test
    void theCatalogHasKeyAndUserProductsWithPoliciesOfEveryType() {
        GeneratedCatalog generated = GeneratedCatalog.generate(1);
        Catalog catalog = generated.catalog();

        assertThat(generated.keyProducts()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.authorizationMethod()).isEqualTo(AuthorizationMethod.LICENSE_KEY));
        assertThat(generated.userProducts()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.authorizationMethod()).isEqualTo(AuthorizationMethod.USER));
        for (Product product : catalog.products()) {
            Set<LicenseType> types = catalog.policies().stream()
                    .filter(policy -> policy.productCode().equals(product.code()))
                    .map(policy -> policy.properties().licenseType())
                    .collect(Collectors.toSet());
            assertThat(types).containsExactlyInAnyOrder(LicenseType.values());
            assertThat(product.features()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(product.customFields()).isNotEmpty();
        }
        assertThat(GeneratedCatalog.generate(1).catalog()).isEqualTo(catalog);
    }

    @Test
    void memoryOfEarlierLinesIsBoundedByTheKeyRing() throws IOException {
        OrderGenerator generator = new OrderGenerator(GeneratorOptions.defaults(13).withBadShare(0.01));

        generator.writeLines(Writer.nullWriter(), 20_000);
        int afterTwentyThousand = generator.rememberedKeyCount();
        generator.writeLines(Writer.nullWriter(), 40_000);

        // 20,000 orders give well over 4,096 given keys: the ring is full and stays at its size.
        assertThat(afterTwentyThousand).isEqualTo(OrderGenerator.KEY_MEMORY);
        assertThat(generator.rememberedKeyCount()).isEqualTo(OrderGenerator.KEY_MEMORY);
    }

    @Test
    void optionsOutOfRangeAreRefused() {
        GeneratorOptions options = GeneratorOptions.defaults(1);

        assertThatThrownBy(() -> options.withBadShare(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withUserShare(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withLicenses(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withLicenses(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<String> codes(List<Product> products) {
        return products.stream().map(Product::code).collect(Collectors.toSet());
    }
}
