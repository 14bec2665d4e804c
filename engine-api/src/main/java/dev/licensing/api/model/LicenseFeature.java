package dev.licensing.api.model;

import dev.licensing.api.FeatureProperties;

/**
 * A product feature on a license. {@code id} is the engine's id of this license feature; {@code productFeatureId} the
 * catalog's. {@code properties} are resolved: the feature's catalog defaults overridden by the request's values.
 */
public record LicenseFeature(long id, long productFeatureId, String code, String name, FeatureProperties properties) {
}
