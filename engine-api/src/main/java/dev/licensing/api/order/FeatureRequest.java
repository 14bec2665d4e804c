package dev.licensing.api.order;

import dev.licensing.api.FeatureProperties;

/** A product feature on a license: its code alone (the short form) or with overrides (the long form). */
public record FeatureRequest(String code, FeatureProperties overrides) {
    public FeatureRequest {
        overrides = overrides == null ? FeatureProperties.NONE : overrides;
    }

    public static FeatureRequest of(String code) {
        return new FeatureRequest(code, FeatureProperties.NONE);
    }
}
