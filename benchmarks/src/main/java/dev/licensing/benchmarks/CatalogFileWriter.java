package dev.licensing.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.CustomFieldType;
import dev.licensing.api.LicenseType;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.CustomerAccount;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.catalog.ProductCustomField;
import dev.licensing.api.catalog.ProductFeature;

import java.io.IOException;
import java.io.Writer;
import java.util.function.Function;

/**
 * Writes a {@link Catalog} as the command line's catalog file (DESIGN §4): products with their defaults, features and
 * custom fields; policies flat, their properties beside {@code product_code} and {@code code}; customer accounts; no
 * offers or VIP customers. Properties that are not set are left out. Policies carry no {@code id}: the file assigns
 * them 1, 2, 3… in file order, which is how {@link GeneratedCatalog} numbered them.
 */
public final class CatalogFileWriter {

    private final ObjectMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, null))
            .addModule(new SimpleModule()
                    .addSerializer(LicenseType.class, wire(LicenseType::wire))
                    .addSerializer(ConsumptionPeriod.class, wire(ConsumptionPeriod::wire))
                    .addSerializer(CustomFieldType.class, wire(CustomFieldType::wire)))
            .build();

    public void write(Catalog catalog, Writer out) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode products = root.putArray("products");
        for (Product product : catalog.products()) {
            products.add(product(product));
        }
        ArrayNode policies = root.putArray("policies");
        for (Policy policy : catalog.policies()) {
            ObjectNode node = policies.addObject()
                    .put("product_code", policy.productCode())
                    .put("code", policy.code());
            node.setAll((ObjectNode) mapper.valueToTree(policy.properties()));
        }
        ArrayNode accounts = root.putArray("customer_accounts");
        for (CustomerAccount account : catalog.customerAccounts()) {
            accounts.addObject().put("id", account.id()).put("name", account.name());
        }
        root.putArray("offers");
        root.putArray("vip_customers");
        // A fixed "\n" rather than the platform's line separator: the same seed gives the same bytes everywhere.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        mapper.writer(printer).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, root);
        out.write('\n');
    }

    private ObjectNode product(Product product) {
        ObjectNode node = mapper.createObjectNode()
                .put("id", product.id())
                .put("code", product.code())
                .put("name", product.name())
                .put("authorization_method", product.authorizationMethod().wire());
        node.setAll((ObjectNode) mapper.valueToTree(product.defaults()));
        if (product.defaultPolicy() != null) {
            node.put("default_policy", product.defaultPolicy());
        }
        ArrayNode features = node.putArray("features");
        for (ProductFeature feature : product.features()) {
            ObjectNode featureNode = features.addObject()
                    .put("id", feature.id())
                    .put("code", feature.code())
                    .put("name", feature.name());
            featureNode.setAll((ObjectNode) mapper.valueToTree(feature.defaults()));
        }
        ArrayNode customFields = node.putArray("custom_fields");
        for (ProductCustomField field : product.customFields()) {
            customFields.addObject()
                    .put("id", field.id())
                    .put("name", field.name())
                    .put("data_type", field.dataType().wire())
                    .put("default_value", field.defaultValue());
        }
        ArrayNode bundle = node.putArray("bundle_products");
        product.bundleProducts().forEach(bundle::add);
        return node;
    }

    private static <E> JsonSerializer<E> wire(Function<E, String> name) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(name.apply(value));
            }
        };
    }
}
