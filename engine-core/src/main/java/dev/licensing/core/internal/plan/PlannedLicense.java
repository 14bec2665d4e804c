package dev.licensing.core.internal.plan;

import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.model.LicenseCustomField;
import dev.licensing.api.order.UserRequest;
import dev.licensing.core.internal.rules.FeatureResolver.ResolvedFeature;

import java.util.List;

/**
 * One license, resolved.
 *
 * @param path         its JSON path, {@code items[0].licenses[1]} ({@code items[0]} for a bundle license, whose key
 *                     and users are the item's), for errors only the store can find
 * @param role         a plain order's license, or a bundle order's bundle license or sub-license
 * @param key          the given or generated key of a key-based license, else {@code null}
 * @param keyGenerated whether the engine drew {@code key} (a taken one is then drawn again, not an error)
 * @param users        the users of a user-based license, else empty
 * @param policy       the applied policy, or {@code null}
 */
public record PlannedLicense(
        String path,
        LicenseRole role,
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

    /** Whether the engine draws this license a key: it is key-based, authorized on its own, and was given none. */
    public boolean needsKey() {
        return role != LicenseRole.SUB_LICENSE && key == null
                && product.authorizationMethod() == AuthorizationMethod.LICENSE_KEY;
    }

    /** The same license with a key the engine drew. */
    public PlannedLicense withGeneratedKey(String newKey) {
        return new PlannedLicense(path, role, product, newKey, true, users, policy, properties, note, metadata,
                features, customFields);
    }

    public PlannedLicense withKey(String newKey) {
        return new PlannedLicense(path, role, product, newKey, keyGenerated, users, policy, properties, note, metadata,
                features, customFields);
    }
}
