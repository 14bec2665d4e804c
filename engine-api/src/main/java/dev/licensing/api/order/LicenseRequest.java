package dev.licensing.api.order;

import dev.licensing.api.LicenseProperties;

import java.util.List;

/**
 * One license of an item. Exactly one of {@code key} (optional even on key-based products: generated when absent) and
 * {@code users} (required on user-based products) fits the product's authorization method.
 *
 * @param productCode         in a bundle order, the product of the bundle this sub-license is for
 * @param policyCode          the policy's code; {@code licenseTemplateCode} is its other name
 * @param licenseTemplate     a policy named by its numeric id
 * @param metadata            a serialized JSON object, or {@code null}
 * @param productFeatures     {@code null} when not given (the policy's features apply)
 * @param customFields        {@code null} when not given
 * @param properties          every other overridable property given on the license
 */
public record LicenseRequest(
        String key,
        List<UserRequest> users,
        String productCode,
        String policyCode,
        String licenseTemplateCode,
        Long licenseTemplate,
        String note,
        String metadata,
        List<FeatureRequest> productFeatures,
        List<CustomFieldRequest> customFields,
        LicenseProperties properties) {

    public LicenseRequest {
        users = users == null ? null : List.copyOf(users);
        productFeatures = productFeatures == null ? null : List.copyOf(productFeatures);
        customFields = customFields == null ? null : List.copyOf(customFields);
        properties = properties == null ? LicenseProperties.NONE : properties;
    }

    /** A key-based license with the given key (or {@code null} to have one generated) and no other field. */
    public static LicenseRequest withKey(String key) {
        return new LicenseRequest(key, null, null, null, null, null, null, null, null, null, LicenseProperties.NONE);
    }

    /** A user-based license for these users and no other field. */
    public static LicenseRequest withUsers(List<UserRequest> users) {
        return new LicenseRequest(null, users, null, null, null, null, null, null, null, null, LicenseProperties.NONE);
    }
}
