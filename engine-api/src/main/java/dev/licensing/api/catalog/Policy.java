package dev.licensing.api.catalog;

import dev.licensing.api.LicenseProperties;
import dev.licensing.api.order.CustomFieldRequest;
import dev.licensing.api.order.FeatureRequest;

import java.util.List;

/**
 * A license policy (LicenseSpring's "license template"): named by {@code (productCode, code)}, it carries any license
 * property of the page's {@code LicenseOptional}. {@code id} is what responses show as {@code license_template_id} and
 * what a request's {@code license_template} names.
 *
 * @param metadata        a serialized JSON object, or {@code null}
 * @param productFeatures the features a license under this policy gets when the license names none; {@code null}: none
 * @param customFields    custom field values a license under this policy gets unless it gives its own
 */
public record Policy(
        long id,
        String productCode,
        String code,
        String name,
        LicenseProperties properties,
        String metadata,
        List<FeatureRequest> productFeatures,
        List<CustomFieldRequest> customFields) {

    public Policy {
        properties = properties == null ? LicenseProperties.NONE : properties;
        productFeatures = productFeatures == null ? null : List.copyOf(productFeatures);
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
    }
}
