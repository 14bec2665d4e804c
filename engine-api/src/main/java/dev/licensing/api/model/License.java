package dev.licensing.api.model;

import dev.licensing.api.LicenseProperties;

import java.time.Instant;
import java.util.List;

/**
 * A license as created and stored. {@code properties} are resolved: every property the response always shows is set;
 * {@code validDuration}, {@code validityPeriod}, {@code startDate}, {@code maintenanceDuration},
 * {@code maintenancePeriod}, {@code consumptionPeriod}, {@code floatingServerId}, {@code maxConsumptions} and
 * {@code maxLicenseUsers} may be {@code null}.
 *
 * @param key             the license key of a key-based license, else {@code null}
 * @param users           the users of a user-based license, else empty
 * @param bundle          true for the bundle license of a bundle order item
 * @param bundleLicenseId for a sub-license of a bundle, the bundle license's id
 * @param policyId        the policy applied ({@code license_template_id}), or {@code null}
 * @param metadata        a serialized JSON object ({@code {}} when none was given)
 */
public record License(
        long id,
        long productId,
        String productCode,
        Instant createdAt,
        Instant updatedAt,
        String key,
        List<LicenseUser> users,
        boolean bundle,
        Long bundleLicenseId,
        Long policyId,
        String policyCode,
        LicenseProperties properties,
        String note,
        String metadata,
        List<LicenseFeature> features,
        List<LicenseCustomField> customFields) {

    public License {
        users = users == null ? List.of() : List.copyOf(users);
        features = features == null ? List.of() : List.copyOf(features);
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
    }

    /** Whether users authorize it: a user-based license (and its bundle license); never a sub-license, which has none. */
    public boolean isUserBased() {
        return !users.isEmpty();
    }
}
