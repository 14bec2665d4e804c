package dev.licensing.api.catalog;

import dev.licensing.api.FeatureProperties;

/** A feature of a product. {@code id} is what responses show as {@code product_feature_id}. */
public record ProductFeature(long id, String code, String name, FeatureProperties defaults) {
    public ProductFeature {
        defaults = defaults == null ? FeatureProperties.NONE : defaults;
    }
}
