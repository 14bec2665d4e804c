package dev.licensing.core.internal.catalog;

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
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;
import dev.licensing.core.internal.rules.Dates;
import dev.licensing.core.internal.rules.Durations;
import dev.licensing.core.internal.rules.FeatureResolver;
import dev.licensing.core.internal.rules.Identifiers;
import dev.licensing.core.internal.vip.VipCatalogRules;
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
        Problems violations = new Problems();
        Map<String, Product> products = new HashMap<>();
        for (int i = 0; i < catalog.products().size(); i++) {
            Product product = catalog.products().get(i);
            FieldPath path = FieldPath.ROOT.field("products").index(i);
            if (product.code() == null || product.code().isBlank()) {
                invalid(violations, path.field("code"), "a product needs a code");
            } else if (Identifiers.check(product.code(), path.field("code"), violations)
                    && products.putIfAbsent(product.code(), product) != null) {
                invalid(violations, path.field("code"), "product code '" + product.code() + "' appears twice");
            }
            if (product.authorizationMethod() == null) {
                invalid(violations, path.field("authorization_method"), "a product needs an authorization_method");
            }
            checkFeatures(product, path, violations);
            checkCustomFields(product, path, violations);
            checkProperties(product.defaults(), path, violations);
        }
        for (int i = 0; i < catalog.products().size(); i++) {
            checkBundle(catalog.products().get(i), FieldPath.ROOT.field("products").index(i), products, violations);
        }
        Set<String> policyNames = new HashSet<>();
        for (int i = 0; i < catalog.policies().size(); i++) {
            checkPolicy(catalog.policies().get(i), FieldPath.ROOT.field("policies").index(i), products, policyNames, violations);
        }
        for (int i = 0; i < catalog.products().size(); i++) {
            Product product = catalog.products().get(i);
            if (product.defaultPolicy() != null && !policyNames.contains(product.code() + "\n" + product.defaultPolicy())) {
                invalid(violations, FieldPath.ROOT.field("products").index(i).field("default_policy"), "no policy '" + product.defaultPolicy()
                        + "' for product '" + product.code() + "'");
            }
        }
        VipCatalogRules.validate(catalog, violations);
        return violations.errors().stream()
                .map(e -> new LicensingError(ErrorCode.INVALID_CATALOG, e.message(), e.field()))
                .toList();
    }

    private static void checkFeatures(Product product, FieldPath path, Problems violations) {
        Set<String> codes = new HashSet<>();
        for (int k = 0; k < product.features().size(); k++) {
            ProductFeature feature = product.features().get(k);
            FieldPath at = path.field("features").index(k);
            if (Identifiers.check(feature.code(), at.field("code"), violations)
                    && (feature.code() == null || !codes.add(feature.code()))) {
                invalid(violations, at.field("code"), feature.code() == null ? "a feature needs a code"
                        : "feature code '" + feature.code() + "' appears twice in product '" + product.code() + "'");
            }
            Dates.check(feature.defaults().expiryDate(), at.field("expiry_date"), violations);
            FeatureResolver.checkResolved(feature.defaults(), at, violations);
        }
    }

    private static void checkCustomFields(Product product, FieldPath path, Problems violations) {
        Set<String> names = new HashSet<>();
        for (int k = 0; k < product.customFields().size(); k++) {
            ProductCustomField field = product.customFields().get(k);
            FieldPath at = path.field("custom_fields").index(k);
            if (field.name() == null || !names.add(field.name())) {
                invalid(violations, at.field("name"), field.name() == null ? "a custom field needs a name"
                        : "custom field '" + field.name() + "' appears twice in product '" + product.code() + "'");
            }
            if (field.dataType() == null) {
                invalid(violations, at.field("data_type"), "a custom field needs a data_type");
            }
        }
    }

    private static void checkBundle(Product bundle, FieldPath path, Map<String, Product> products, Problems violations) {
        for (int k = 0; k < bundle.bundleProducts().size(); k++) {
            String code = bundle.bundleProducts().get(k);
            FieldPath at = path.field("bundle_products").index(k);
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

    private static void checkPolicy(Policy policy, FieldPath path, Map<String, Product> products, Set<String> names,
                                    Problems violations) {
        Product product = products.get(policy.productCode());
        if (product == null) {
            invalid(violations, path.field("product_code"), "no product '" + policy.productCode() + "' for policy '"
                    + policy.code() + "'");
        }
        if (policy.code() == null || policy.code().isBlank()) {
            invalid(violations, path.field("code"), "a policy needs a code");
        } else if (Identifiers.check(policy.code(), path.field("code"), violations)
                && !names.add(policy.productCode() + "\n" + policy.code())) {
            invalid(violations, path.field("code"), "policy '" + policy.code() + "' appears twice for product '"
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
                invalid(violations, path.field("product_features").index(k), "product '" + product.code()
                        + "' has no feature '" + code + "'");
            }
        }
        for (int k = 0; k < policy.customFields().size(); k++) {
            CustomFieldRequest field = policy.customFields().get(k);
            if (product.customFields().stream().noneMatch(f -> f.name().equals(field.name()))) {
                invalid(violations, path.field("custom_fields").index(k).field("name"), "product '" + product.code()
                        + "' has no custom field '" + field.name() + "'");
            }
        }
    }

    private static void checkProperties(LicenseProperties properties, FieldPath path, Problems violations) {
        Durations.check(properties.validDuration(), path.field("valid_duration"), violations);
        Durations.check(properties.maintenanceDuration(), path.field("maintenance_duration"), violations);
        Dates.check(properties.startDate(), path.field("start_date"), violations);
        Dates.check(properties.validityPeriod(), path.field("validity_period"), violations);
        Dates.check(properties.maintenancePeriod(), path.field("maintenance_period"), violations);
    }

    private static String wire(Product product) {
        return product.authorizationMethod() == null ? "without authorization_method"
                : product.authorizationMethod().wire();
    }

    private static void invalid(Problems violations, FieldPath field, String message) {
        violations.add(ErrorCode.INVALID_CATALOG, field, message);
    }
}
