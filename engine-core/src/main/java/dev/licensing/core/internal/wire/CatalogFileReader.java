package dev.licensing.core.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.CustomFieldType;
import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicensingError;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.CustomerAccount;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.catalog.ProductCustomField;
import dev.licensing.api.catalog.ProductFeature;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;
import dev.licensing.core.internal.vip.VipCatalogReader;
import dev.licensing.core.wire.InvalidCatalogException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the catalog file (DESIGN §4 "Catalog file"). Checks its structure only, reporting every violation; whether a
 * policy's product, a default policy or a bundle's members exist is the engine's catalog validation. Thread-safe.
 */
public final class CatalogFileReader {
    private static final List<String> AUTHORIZATION_METHODS =
            Arrays.stream(AuthorizationMethod.values()).map(AuthorizationMethod::wire).toList();

    /**
     * @throws InvalidCatalogException with every violation, each {@code invalid_catalog} at its path
     *                                 ({@code products[0].authorization_method})
     */
    public Catalog read(String json) {
        Problems findings = new Problems(false);
        JsonNode root;
        try {
            root = WireJson.parse(json);
        } catch (JsonProcessingException e) {
            throw invalid(List.of(new LicensingError(ErrorCode.INVALID_CATALOG,
                    "not a JSON document: " + WireJson.describe(e), null)));
        }
        if (!root.isObject()) {
            throw invalid(List.of(new LicensingError(ErrorCode.INVALID_CATALOG, "a catalog is a JSON object", null)));
        }
        Catalog catalog = new CatalogReader(root).read(FieldReader.of(root, FieldPath.ROOT, findings));
        if (!findings.isEmpty()) {
            throw invalid(findings.errors());
        }
        return catalog;
    }

    /** Every violation of a catalog is {@code invalid_catalog}; its message and path say which rule it breaks. */
    private static InvalidCatalogException invalid(List<LicensingError> errors) {
        return new InvalidCatalogException(errors.stream()
                .map(e -> new LicensingError(ErrorCode.INVALID_CATALOG, e.message(), e.field()))
                .toList());
    }

    /** One reading of one file: the id sequences are per file. */
    private static final class CatalogReader {
        private final IdSequence productIds;
        private final IdSequence featureIds;
        private final IdSequence customFieldIds;
        private final IdSequence policyIds;
        private final IdSequence customerAccountIds;

        CatalogReader(JsonNode root) {
            List<JsonNode> products = elements(root.path("products"));
            productIds = IdSequence.skipping(products);
            featureIds = IdSequence.skipping(products.stream().flatMap(p -> elements(p.path("features")).stream())
                    .toList());
            customFieldIds = IdSequence.skipping(products.stream()
                    .flatMap(p -> elements(p.path("custom_fields")).stream()).toList());
            policyIds = IdSequence.skipping(elements(root.path("policies")));
            customerAccountIds = IdSequence.skipping(elements(root.path("customer_accounts")));
        }

        Catalog read(FieldReader in) {
            List<Product> products = new ArrayList<>();
            forEach(in.objects("products"), product -> products.add(product(product)));
            List<Policy> policies = new ArrayList<>();
            forEach(in.objects("policies"), policy -> policies.add(policy(policy)));
            List<CustomerAccount> accounts = new ArrayList<>();
            forEach(in.objects("customer_accounts"), account -> {
                accounts.add(new CustomerAccount(customerAccountIds.requiredIdOf(account), account.string("name")));
                account.finish();
            });
            VipCatalogReader vip = new VipCatalogReader(in.findings());
            Catalog catalog = new Catalog(products, policies, accounts, vip.customers(in.value("vip_customers")),
                    vip.offers(in.value("offers")), vip.flexDiscounts(in.value("flex_discounts")));
            in.finish();
            return catalog;
        }

        private Product product(FieldReader in) {
            Product product = new Product(
                    productIds.idOf(in),
                    in.requiredString("code"),
                    in.string("name"),
                    in.requiredOneOf("authorization_method", AuthorizationMethod::fromWire, AUTHORIZATION_METHODS),
                    in.string("default_policy"),
                    LicenseOptionalFields.properties(in),
                    features(in),
                    customFields(in),
                    bundleProducts(in));
            in.finish();
            return product;
        }

        private List<ProductFeature> features(FieldReader product) {
            List<ProductFeature> features = new ArrayList<>();
            forEach(product.objects("features"), in -> {
                features.add(new ProductFeature(featureIds.idOf(in), in.requiredString("code"), in.string("name"),
                        LicenseOptionalFields.featureProperties(in)));
                in.finish();
            });
            return features;
        }

        private List<ProductCustomField> customFields(FieldReader product) {
            List<ProductCustomField> fields = new ArrayList<>();
            forEach(product.objects("custom_fields"), in -> {
                fields.add(new ProductCustomField(
                        customFieldIds.idOf(in),
                        in.requiredString("name"),
                        in.requiredOneOf("data_type", CustomFieldType::fromWire, LicenseOptionalFields.CUSTOM_FIELD_TYPES),
                        in.stringOrNumber("default_value")));
                in.finish();
            });
            return fields;
        }

        private static List<String> bundleProducts(FieldReader product) {
            List<String> codes = new ArrayList<>();
            List<FieldReader.Element> elements = product.array("bundle_products");
            if (elements != null) {
                for (FieldReader.Element element : elements) {
                    if (element.value().isTextual()) {
                        codes.add(element.value().textValue());
                    } else {
                        product.findings().add(ErrorCode.INVALID_TYPE, element.path(), "expected a product code");
                    }
                }
            }
            return codes;
        }

        private Policy policy(FieldReader in) {
            Policy policy = new Policy(
                    policyIds.idOf(in),
                    in.requiredString("product_code"),
                    in.requiredString("code"),
                    in.string("name"),
                    LicenseOptionalFields.properties(in),
                    in.jsonObject("metadata"),
                    LicenseOptionalFields.productFeatures(in),
                    LicenseOptionalFields.customFields(in));
            in.finish();
            return policy;
        }

        private static void forEach(List<FieldReader> readers, Consumer<FieldReader> read) {
            if (readers != null) {
                readers.forEach(read);
            }
        }

        private static List<JsonNode> elements(JsonNode array) {
            List<JsonNode> elements = new ArrayList<>();
            if (array.isArray()) {
                array.forEach(element -> {
                    if (element.isObject()) {
                        elements.add(element);
                    }
                });
            }
            return elements;
        }
    }
}
