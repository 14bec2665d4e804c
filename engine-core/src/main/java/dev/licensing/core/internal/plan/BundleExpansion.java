package dev.licensing.core.internal.plan;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.order.ItemRequest;
import dev.licensing.api.order.LicenseRequest;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.api.order.UserRequest;
import dev.licensing.core.internal.catalog.CatalogIndex;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;
import dev.licensing.core.internal.rules.Authorization;
import dev.licensing.core.internal.rules.Dates;
import dev.licensing.core.internal.rules.Identifiers;
import dev.licensing.core.internal.rules.LicenseTypeRules;
import dev.licensing.core.internal.rules.Metadata;
import dev.licensing.core.internal.rules.PolicyResolver;
import dev.licensing.core.internal.rules.PropertyResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bundle rule (an order with {@code is_bundle: true}): each item names a bundle product and plans into one bundle
 * license, authorized by the item's {@code key} or {@code users} as the bundle's authorization method says, followed by
 * one sub-license per listed license, in request order. A sub-license names a product of the bundle and a policy of
 * that product (else the product's default policy serves), carries no key or users of its own, and resolves as a plain
 * license of its product would, item-level fields included. The bundle license takes the bundle product's defaults, its
 * policy (the item's {@code license_policy}, else the bundle's default policy), and the item's {@code active},
 * {@code subscription_id} and {@code note}.
 */
final class BundleExpansion {
    private BundleExpansion() {
    }

    /** Plans a bundle order's item; empty when a violation was recorded that leaves nothing to plan. */
    static Optional<PlannedItem> planItem(CatalogIndex catalog, OrderRequest request, ItemRequest item, FieldPath path,
                                          Set<String> givenKeys, Problems violations) {
        Optional<Product> bundle = bundleProduct(catalog, item, path, violations);
        if (bundle.isEmpty()) {
            return Optional.empty();
        }
        int before = violations.size();
        Authorization.check(bundle.get(), item.key(), usersGiven(item), path, givenKeys, violations);
        Optional<Policy> bundlePolicy = PolicyResolver.forItem(catalog, bundle.get(), item, path, violations)
                .or(() -> PolicyResolver.defaultPolicy(catalog, bundle.get()));
        List<PlannedLicense> licenses = new ArrayList<>(1 + item.licenses().size());
        PlannedLicense bundleLicense = bundleLicense(request, item, bundle.get(), bundlePolicy, path, violations, before)
                .orElse(null);
        if (bundleLicense != null) {
            licenses.add(bundleLicense);
        }
        for (int j = 0; j < item.licenses().size(); j++) {
            subLicense(catalog, request, item, bundle.get(), bundleLicense, item.licenses().get(j),
                    path.field("licenses").index(j), violations).ifPresent(licenses::add);
        }
        return Optional.of(new PlannedItem(path, bundle.get(), item.customerAccountId(), licenses));
    }

    private static Optional<Product> bundleProduct(CatalogIndex catalog, ItemRequest item, FieldPath path,
                                                   Problems violations) {
        Optional<Product> product = OrderPlanner.itemProduct(catalog, item, path, violations);
        if (product.isPresent() && !product.get().isBundle()) {
            violations.add(ErrorCode.BUNDLE_MISMATCH, path.field("product_code"), "'" + item.productCode()
                    + "' is not a bundle product; a bundle order (is_bundle: true) orders bundles only");
            return Optional.empty();
        }
        return product;
    }

    /** The page's key-based "drama" example sends {@code "users": []}: no users, not users on a key-based bundle. */
    private static List<UserRequest> usersGiven(ItemRequest item) {
        return item.users() == null || item.users().isEmpty() ? null : item.users();
    }

    private static Optional<PlannedLicense> bundleLicense(OrderRequest request, ItemRequest item, Product bundle,
                                                          Optional<Policy> policy, FieldPath path, Problems violations,
                                                          int before) {
        LicenseProperties resolved = PropertyResolver.resolve(bundle, policy.orElse(null), request.preventVm(), item,
                LicenseProperties.NONE);
        LicenseTypeRules.check(LicenseProperties.NONE, resolved, path, violations);
        Dates.checkValidityAfterStart(resolved, path, violations);
        if (violations.size() > before) {
            return Optional.empty();
        }
        Policy applied = policy.orElse(null);
        // The page's BundleLicense shows neither features nor custom fields: those are the sub-licenses'.
        return Optional.of(new PlannedLicense(path, LicenseRole.BUNDLE, null, bundle, item.key(), usersGiven(item),
                applied, resolved, item.note(), Metadata.forLicense(null, applied == null ? null : applied.metadata()),
                List.of(), List.of()));
    }

    /** @param bundleLicense the item's bundle license, or {@code null} when it failed (the order is rejected then) */
    private static Optional<PlannedLicense> subLicense(CatalogIndex catalog, OrderRequest request, ItemRequest item,
                                                       Product bundle, PlannedLicense bundleLicense,
                                                       LicenseRequest license, FieldPath path, Problems violations) {
        int before = violations.size();
        if (license.key() != null) {
            violations.add(ErrorCode.VALIDATION_ERROR, path.field("key"), "a bundle's licenses are authorized by the "
                    + "bundle license: give the key on the item");
        }
        if (license.users() != null) {
            violations.add(ErrorCode.VALIDATION_ERROR, path.field("users"), "a bundle's licenses are authorized by the "
                    + "bundle license: give the users on the item");
        }
        Optional<Product> product = member(catalog, bundle, license, path, violations);
        if (product.isEmpty()) {
            return Optional.empty();
        }
        if (namesNoPolicy(license) && product.get().defaultPolicy() == null) {
            violations.add(ErrorCode.REQUIRED_FIELD, path.field("policy_code"), "product '" + product.get().code()
                    + "' has no default policy: a bundle's license names its policy_code");
        }
        // The item's license_policy is the bundle product's policy: it cannot serve another product's license.
        Optional<PlannedLicense> planned = LicensePlanner.plan(catalog, request, item, product.get(), Optional.empty(),
                license, LicenseRole.SUB_LICENSE, bundleLicense, null, null, path, violations);
        return violations.size() > before ? Optional.empty() : planned;
    }

    private static Optional<Product> member(CatalogIndex catalog, Product bundle, LicenseRequest license, FieldPath path,
                                            Problems violations) {
        String code = license.productCode();
        if (code == null) {
            violations.add(ErrorCode.REQUIRED_FIELD, path.field("product_code"),
                    "a bundle's license names the product of the bundle it is for");
            return Optional.empty();
        }
        if (!Identifiers.check(code, path.field("product_code"), violations)) {
            return Optional.empty();
        }
        Optional<Product> product = catalog.product(code);
        if (product.isEmpty()) {
            violations.add(ErrorCode.UNKNOWN_PRODUCT, path.field("product_code"), "no product '" + code + "' in the catalog");
        } else if (!bundle.bundleProducts().contains(code)) {
            violations.add(ErrorCode.BUNDLE_MISMATCH, path.field("product_code"),
                    "bundle '" + bundle.code() + "' does not contain product '" + code + "'");
            return Optional.empty();
        }
        return product;
    }

    private static boolean namesNoPolicy(LicenseRequest license) {
        return license.policyCode() == null && license.licenseTemplateCode() == null
                && license.licenseTemplate() == null;
    }
}
