package dev.licensing.core.internal.plan;

import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.model.LicenseCustomField;
import dev.licensing.api.order.UserRequest;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.rules.FeatureResolver.ResolvedFeature;

import java.util.List;

/**
 * One license, resolved. Settlement and assembly tell licenses apart by identity (a sub-license's {@code bundle} is
 * its bundle license's very plan): two licenses planned alike are still two licenses.
 *
 * @param path   its JSON path, {@code items[0].licenses[1]} ({@code items[0]} for a bundle license, whose key and users
 *               are the item's), for errors only the store can find
 * @param role   a plain order's license, or a bundle order's bundle license or sub-license
 * @param bundle for a sub-license, the plan of its item's bundle license; else {@code null}
 * @param key    the given key of a key-based license, else {@code null} (settlement draws one when {@link #needsKey})
 * @param users  the users of a user-based license, else empty
 * @param policy the applied policy, or {@code null}
 */
public record PlannedLicense(
        FieldPath path,
        LicenseRole role,
        PlannedLicense bundle,
        Product product,
        String key,
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
}
