package dev.licensing.core.plan;

import dev.licensing.api.LicenseProperties;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.model.LicenseCustomField;
import dev.licensing.api.order.UserRequest;
import dev.licensing.core.rules.FeatureResolver.ResolvedFeature;

import java.util.List;

/**
 * One license, resolved.
 *
 * @param path         its JSON path, {@code items[0].licenses[1]}, for errors only the store can find
 * @param key          the given or generated key of a key-based license, else {@code null}
 * @param keyGenerated whether the engine drew {@code key} (a taken one is then drawn again, not an error)
 * @param users        the users of a user-based license, else empty
 * @param policy       the applied policy, or {@code null}
 */
public record PlannedLicense(
        String path,
        Product product,
        String key,
        boolean keyGenerated,
        List<UserRequest> users,
        Policy policy,
        LicenseProperties properties,
        String note,
        String metadata,
        List<ResolvedFeature> features,
        List<LicenseCustomField> customFields) {

    public PlannedLicense {
        users = users == null ? List.of() : List.copyOf(users);
        features = List.copyOf(features);
        customFields = List.copyOf(customFields);
    }

    public PlannedLicense withKey(String newKey) {
        return new PlannedLicense(path, product, newKey, keyGenerated, users, policy, properties, note, metadata,
                features, customFields);
    }
}
