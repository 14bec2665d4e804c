package dev.licensing.api.catalog;

import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.LicenseProperties;

import java.util.List;

/**
 * A product. {@code id} is what responses show as {@code product_id}. {@code defaults} are the product-level license
 * properties (the page's "product max activations", "product max consumptions", and any other). A product with a
 * non-empty {@code bundleProducts} (codes of other products) is a bundle.
 *
 * @param defaultPolicy the code of the policy that serves licenses naming none, or {@code null}
 */
public record Product(
        long id,
        String code,
        String name,
        AuthorizationMethod authorizationMethod,
        String defaultPolicy,
        LicenseProperties defaults,
        List<ProductFeature> features,
        List<ProductCustomField> customFields,
        List<String> bundleProducts) {

    public Product {
        defaults = defaults == null ? LicenseProperties.NONE : defaults;
        features = features == null ? List.of() : List.copyOf(features);
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
        bundleProducts = bundleProducts == null ? List.of() : List.copyOf(bundleProducts);
    }

    public boolean isBundle() {
        return !bundleProducts.isEmpty();
    }
}
