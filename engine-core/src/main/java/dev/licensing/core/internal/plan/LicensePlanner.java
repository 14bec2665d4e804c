package dev.licensing.core.internal.plan;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.model.LicenseCustomField;
import dev.licensing.api.order.ItemRequest;
import dev.licensing.api.order.LicenseRequest;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.api.order.UserRequest;
import dev.licensing.core.internal.catalog.CatalogIndex;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;
import dev.licensing.core.internal.rules.Counts;
import dev.licensing.core.internal.rules.CustomFieldResolver;
import dev.licensing.core.internal.rules.Dates;
import dev.licensing.core.internal.rules.Durations;
import dev.licensing.core.internal.rules.FeatureResolver;
import dev.licensing.core.internal.rules.FeatureResolver.ResolvedFeature;
import dev.licensing.core.internal.rules.LicenseTypeRules;
import dev.licensing.core.internal.rules.Metadata;
import dev.licensing.core.internal.rules.Notes;
import dev.licensing.core.internal.rules.PolicyResolver;
import dev.licensing.core.internal.rules.PropertyResolver;

import java.util.List;
import java.util.Optional;

/**
 * What planning a license request means for a plain license and a sub-license alike: its values checked, its policy,
 * features and custom fields found, its properties resolved (DESIGN §3), its note and metadata chosen. What authorizes
 * it is the caller's concern.
 */
final class LicensePlanner {
    private LicensePlanner() {
    }

    /**
     * @param product    the license's product: the item's, or in a bundle order the sub-product the license names
     * @param itemPolicy the item's {@code license_policy}, for the licenses that name no policy
     * @param bundle     for a sub-license, its bundle license's plan (absent when that failed), else {@code null}
     * @param key        the license's own key, else {@code null}
     * @param users      the license's own users, else {@code null}
     * @return the planned license, or empty when a violation was recorded
     */
    static Optional<PlannedLicense> plan(CatalogIndex catalog, OrderRequest request, ItemRequest item, Product product,
                                         Optional<Policy> itemPolicy, LicenseRequest license, LicenseRole role,
                                         PlannedLicense bundle, String key, List<UserRequest> users, FieldPath path, Problems violations) {
        int before = violations.size();
        LicenseProperties given = license.properties();
        Durations.check(given.validDuration(), path, "valid_duration", violations);
        Durations.check(given.maintenanceDuration(), path, "maintenance_duration", violations);
        Dates.check(given.startDate(), path, "start_date", violations);
        Dates.check(given.validityPeriod(), path, "validity_period", violations);
        Dates.check(given.maintenancePeriod(), path, "maintenance_period", violations);
        Counts.check(given, path, violations);
        if (license.metadata() != null && !Metadata.isJsonObject(license.metadata())) {
            violations.add(ErrorCode.VALIDATION_ERROR, path.field("metadata"),
                    "metadata must be a JSON object");
        }
        int beforePolicy = violations.size();
        Optional<Policy> policy = PolicyResolver.forLicense(catalog, product, license, itemPolicy, path, violations);
        boolean policyKnown = violations.size() == beforePolicy;
        List<ResolvedFeature> features =
                FeatureResolver.resolve(catalog, product, license.productFeatures(), policy, path, violations);
        List<LicenseCustomField> customFields =
                CustomFieldResolver.resolve(catalog, product, license.customFields(), policy, path, violations);
        if (!policyKnown) {
            return Optional.empty();
        }
        LicenseProperties resolved = PropertyResolver.resolve(product, policy.orElse(null), request.preventVm(), item,
                given);
        LicenseTypeRules.check(given, resolved, path, violations);
        Dates.checkValidityAfterStart(resolved, path, violations);
        if (violations.size() > before) {
            return Optional.empty();
        }
        Policy applied = policy.orElse(null);
        return Optional.of(new PlannedLicense(path, role, bundle, product, key, users, applied, resolved,
                Notes.forLicense(license.note(), item.note()),
                Metadata.forLicense(license.metadata(), applied == null ? null : applied.metadata()),
                features, customFields));
    }
}
