package dev.licensing.core.catalog;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicensingError;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.catalog.ProductCustomField;
import dev.licensing.api.catalog.ProductFeature;
import dev.licensing.api.order.CustomFieldRequest;
import dev.licensing.api.order.FeatureRequest;
import dev.licensing.core.plan.Violations;
import dev.licensing.core.rules.Dates;
import dev.licensing.core.rules.Durations;
import dev.licensing.core.rules.FeatureResolver;
import dev.licensing.core.rules.Identifiers;
import dev.licensing.core.wire.InvalidCatalogException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The consistency of a catalog before the engine accepts it: product codes unique; a policy named once per product and
 * for a product that exists; default policies exist; bundle members exist, are not bundles and share the bundle's
 * authorization method; feature codes and custom field names unique per product; what policies and product defaults
 * carry (features, custom fields, durations, dates) valid for their product. Every violation is an
 * {@link ErrorCode#INVALID_CATALOG} error at a path such as {@code products[2].bundle_products[0]}.
 */
public final class CatalogValidator {
    private CatalogValidator() {
    }

    /** Throws {@link InvalidCatalogException} with every violation, when there is one. */
    public static void requireValid(Catalog catalog) {
        List<LicensingError> errors = validate(catalog);
        if (!errors.isEmpty()) {
            throw new InvalidCatalogException(errors);
        }
    }

    public static List<LicensingError> validate(Catalog catalog) {
        Violations violations = new Violations();
        Map<String, Product> products = new HashMap<>();
        for (int i = 0; i < catalog.products().size(); i++) {
            Product product = catalog.products().get(i);
            String path = "products[" + i + "]";
            if (product.code() == null || product.code().isBlank()) {
                invalid(violations, path + ".code", "a product needs a code");
            } else if (Identifiers.check(product.code(), path + ".code", violations)
                    && products.putIfAbsent(product.code(), product) != null) {
                invalid(violations, path + ".code", "product code '" + product.code() + "' appears twice");
            }
            if (product.authorizationMethod() == null) {
                invalid(violations, path + ".authorization_method", "a product needs an authorization_method");
            }
            checkFeatures(product, path, violations);
            checkCustomFields(product, path, violations);
            checkProperties(product.defaults(), path, violations);
        }
        for (int i = 0; i < catalog.products().size(); i++) {
            checkBundle(catalog.products().get(i), "products[" + i + "]", products, violations);
        }
        Set<String> policyNames = new HashSet<>();
        for (int i = 0; i < catalog.policies().size(); i++) {
            checkPolicy(catalog.policies().get(i), "policies[" + i + "]", products, policyNames, violations);
        }
        for (int i = 0; i < catalog.products().size(); i++) {
            Product product = catalog.products().get(i);
            if (product.defaultPolicy() != null && !policyNames.contains(product.code() + "\n" + product.defaultPolicy())) {
                invalid(violations, "products[" + i + "].default_policy", "no policy '" + product.defaultPolicy()
                        + "' for product '" + product.code() + "'");
            }
        }
        return violations.list().stream()
                .map(e -> LicensingError.of(ErrorCode.INVALID_CATALOG, e.field(), e.message()))
                .toList();
    }

    private static void checkFeatures(Product product, String path, Violations violations) {
        Set<String> codes = new HashSet<>();
        for (int k = 0; k < product.features().size(); k++) {
            ProductFeature feature = product.features().get(k);
            String at = path + ".features[" + k + "]";
            if (Identifiers.check(feature.code(), at + ".code", violations)
                    && (feature.code() == null || !codes.add(feature.code()))) {
                invalid(violations, at + ".code", feature.code() == null ? "a feature needs a code"
                        : "feature code '" + feature.code() + "' appears twice in product '" + product.code() + "'");
            }
            Dates.check(feature.defaults().expiryDate(), at + ".expiry_date", violations);
            FeatureResolver.checkResolved(feature.defaults(), at, violations);
        }
    }

    private static void checkCustomFields(Product product, String path, Violations violations) {
        Set<String> names = new HashSet<>();
        for (int k = 0; k < product.customFields().size(); k++) {
            ProductCustomField field = product.customFields().get(k);
            String at = path + ".custom_fields[" + k + "]";
            if (field.name() == null || !names.add(field.name())) {
                invalid(violations, at + ".name", field.name() == null ? "a custom field needs a name"
                        : "custom field '" + field.name() + "' appears twice in product '" + product.code() + "'");
            }
            if (field.dataType() == null) {
                invalid(violations, at + ".data_type", "a custom field needs a data_type");
            }
        }
    }

    private static void checkBundle(Product bundle, String path, Map<String, Product> products, Violations violations) {
        for (int k = 0; k < bundle.bundleProducts().size(); k++) {
            String code = bundle.bundleProducts().get(k);
            String at = path + ".bundle_products[" + k + "]";
            Product member = products.get(code);
            if (member == null) {
                invalid(violations, at, "no product '" + code + "' for bundle '" + bundle.code() + "'");
            } else if (member.isBundle()) {
                invalid(violations, at, "bundle '" + bundle.code() + "' cannot contain bundle '" + code + "'");
            } else if (member.authorizationMethod() != bundle.authorizationMethod()) {
                invalid(violations, at, "product '" + code + "' is " + wire(member) + " but bundle '" + bundle.code()
                        + "' is " + wire(bundle));
            }
        }
    }

    private static void checkPolicy(Policy policy, String path, Map<String, Product> products, Set<String> names,
                                    Violations violations) {
        Product product = products.get(policy.productCode());
        if (product == null) {
            invalid(violations, path + ".product_code", "no product '" + policy.productCode() + "' for policy '"
                    + policy.code() + "'");
        }
        if (policy.code() == null || policy.code().isBlank()) {
            invalid(violations, path + ".code", "a policy needs a code");
        } else if (Identifiers.check(policy.code(), path + ".code", violations)
                && !names.add(policy.productCode() + "\n" + policy.code())) {
            invalid(violations, path + ".code", "policy '" + policy.code() + "' appears twice for product '"
                    + policy.productCode() + "'");
        }
        checkProperties(policy.properties(), path, violations);
        if (product == null) {
            return;
        }
        List<FeatureRequest> features = policy.productFeatures() == null ? List.of() : policy.productFeatures();
        for (int k = 0; k < features.size(); k++) {
            String code = features.get(k).code();
            if (product.features().stream().noneMatch(f -> f.code().equals(code))) {
                invalid(violations, path + ".product_features[" + k + "]", "product '" + product.code()
                        + "' has no feature '" + code + "'");
            }
        }
        for (int k = 0; k < policy.customFields().size(); k++) {
            CustomFieldRequest field = policy.customFields().get(k);
            if (product.customFields().stream().noneMatch(f -> f.name().equals(field.name()))) {
                invalid(violations, path + ".custom_fields[" + k + "].name", "product '" + product.code()
                        + "' has no custom field '" + field.name() + "'");
            }
        }
    }

    private static void checkProperties(LicenseProperties properties, String path, Violations violations) {
        Durations.check(properties.validDuration(), path + ".valid_duration", violations);
        Durations.check(properties.maintenanceDuration(), path + ".maintenance_duration", violations);
        Dates.check(properties.startDate(), path + ".start_date", violations);
        Dates.check(properties.validityPeriod(), path + ".validity_period", violations);
        Dates.check(properties.maintenancePeriod(), path + ".maintenance_period", violations);
    }

    private static String wire(Product product) {
        return product.authorizationMethod() == null ? "without authorization_method"
                : product.authorizationMethod().wire();
    }

    private static void invalid(Violations violations, String field, String message) {
        violations.add(ErrorCode.INVALID_CATALOG, field, message);
    }
}
