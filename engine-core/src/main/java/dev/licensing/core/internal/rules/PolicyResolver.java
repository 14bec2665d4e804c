package dev.licensing.core.internal.rules;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.order.ItemRequest;
import dev.licensing.api.order.LicenseRequest;
import dev.licensing.core.internal.catalog.CatalogIndex;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

import java.util.Objects;
import java.util.Optional;

/**
 * Which policy a license gets: its {@code policy_code}, else {@code license_template_code} (the same thing's older
 * name; both given and different is an error), else {@code license_template} (a policy id), else the item's
 * {@code license_policy}, else the product's default policy, else none. A policy belongs to one product.
 */
public final class PolicyResolver {
    private PolicyResolver() {
    }

    /** The item's {@code license_policy}; an unknown one is {@link ErrorCode#UNKNOWN_POLICY} at it. */
    public static Optional<Policy> forItem(CatalogIndex catalog, Product product, ItemRequest item, FieldPath itemPath,
                                           Problems violations) {
        if (item.licensePolicy() == null) {
            return Optional.empty();
        }
        return byCode(catalog, product, item.licensePolicy(), itemPath.field("license_policy"), violations);
    }

    /**
     * The license's policy, or empty when none applies. Records a violation, and returns empty, when the license names a
     * policy the product does not have.
     *
     * @param itemPolicy the item's {@code license_policy}, as {@link #forItem} found it
     */
    public static Optional<Policy> forLicense(CatalogIndex catalog, Product product, LicenseRequest license,
                                              Optional<Policy> itemPolicy, FieldPath path, Problems violations) {
        if (license.policyCode() != null && license.licenseTemplateCode() != null
                && !license.policyCode().equals(license.licenseTemplateCode())) {
            violations.add(ErrorCode.VALIDATION_ERROR, path.field("license_template_code"), "license_template_code '"
                    + license.licenseTemplateCode() + "' contradicts policy_code '" + license.policyCode()
                    + "' (they are two names for one field)");
            return Optional.empty();
        }
        if (license.policyCode() != null) {
            return byCode(catalog, product, license.policyCode(), path.field("policy_code"), violations);
        }
        if (license.licenseTemplateCode() != null) {
            return byCode(catalog, product, license.licenseTemplateCode(), path.field("license_template_code"), violations);
        }
        if (license.licenseTemplate() != null) {
            Optional<Policy> policy = catalog.policyById(product.code(), license.licenseTemplate());
            if (policy.isEmpty()) {
                unknown(violations, path.field("license_template"), product, String.valueOf(license.licenseTemplate()));
            }
            return policy;
        }
        if (itemPolicy.isPresent()) {
            return itemPolicy;
        }
        return defaultPolicy(catalog, product);
    }

    /** The product's default policy, or empty when it names none; catalog validation made sure it exists. */
    public static Optional<Policy> defaultPolicy(CatalogIndex catalog, Product product) {
        return Optional.ofNullable(product.defaultPolicy())
                .map(code -> catalog.policy(product.code(), code)
                        .orElseThrow(() -> new IllegalStateException("validated catalog lacks default policy " + code)));
    }

    private static Optional<Policy> byCode(CatalogIndex catalog, Product product, String code, FieldPath field,
                                           Problems violations) {
        if (!Identifiers.check(Objects.requireNonNull(code), field, violations)) {
            return Optional.empty();
        }
        Optional<Policy> policy = catalog.policy(product.code(), code);
        if (policy.isEmpty()) {
            unknown(violations, field, product, code);
        }
        return policy;
    }

    private static void unknown(Problems violations, FieldPath field, Product product, String name) {
        violations.add(ErrorCode.UNKNOWN_POLICY, field, "product '" + product.code() + "' has no policy '" + name + "'");
    }
}
