package dev.licensing.core.internal.rules;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.FeatureProperties;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.catalog.ProductFeature;
import dev.licensing.api.order.FeatureRequest;
import dev.licensing.core.internal.catalog.CatalogIndex;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A license's features: the license's {@code product_features} when given, else its policy's, else none. Each one
 * resolves as engine defaults < the catalog feature's defaults < the request's overrides.
 */
public final class FeatureResolver {

    /** A feature's properties when neither the catalog nor the request says otherwise. */
    public static final FeatureProperties ENGINE_DEFAULTS = new FeatureProperties(
            0L, false, 0L, false, false, false, null, null, 120, 0, false, false, Metadata.EMPTY);

    /** A catalog feature with its resolved properties. */
    public record ResolvedFeature(ProductFeature feature, FeatureProperties properties) {
    }

    private FeatureResolver() {
    }

    /**
     * @param requested the license's {@code product_features}, or {@code null} when it gives none
     * @param path      the license's JSON path
     */
    public static List<ResolvedFeature> resolve(CatalogIndex catalog, Product product, List<FeatureRequest> requested,
                                                Optional<Policy> policy, FieldPath path, Problems violations) {
        List<FeatureRequest> chosen = requested != null ? requested
                : policy.map(Policy::productFeatures).orElse(null);
        if (chosen == null) {
            return List.of();
        }
        boolean fromRequest = requested != null;
        List<ResolvedFeature> resolved = new ArrayList<>(chosen.size());
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < chosen.size(); k++) {
            FeatureRequest request = chosen.get(k);
            FieldPath at = path.field("product_features").index(k);
            boolean shortForm = request.overrides().equals(FeatureProperties.NONE);
            FieldPath codeField = shortForm ? at : at.field("code");
            if (fromRequest && !Identifiers.check(request.code(), codeField, violations)) {
                continue;
            }
            Optional<ProductFeature> feature = catalog.feature(product.code(), request.code());
            if (feature.isEmpty()) {
                violations.add(ErrorCode.UNKNOWN_FEATURE, codeField,
                        "product '" + product.code() + "' has no feature '" + request.code() + "'");
                continue;
            }
            if (!seen.add(request.code())) {
                violations.add(ErrorCode.VALIDATION_ERROR, codeField, "feature '" + request.code() + "' appears twice");
                continue;
            }
            if (fromRequest) {
                checkOverrides(request.overrides(), at, violations);
            }
            FeatureProperties properties = ENGINE_DEFAULTS
                    .overriddenBy(feature.get().defaults())
                    .overriddenBy(request.overrides());
            checkResolved(properties, at, violations);
            resolved.add(new ResolvedFeature(feature.get(), properties));
        }
        return resolved;
    }

    /** The license's rule for features too (DESIGN §3): a reset needs a period to reset in. */
    public static void checkResolved(FeatureProperties resolved, FieldPath at, Problems violations) {
        if (Boolean.TRUE.equals(resolved.resetConsumption()) && resolved.consumptionPeriod() == null) {
            violations.add(ErrorCode.VALIDATION_ERROR, at.field("reset_consumption"),
                    "reset_consumption needs a consumption_period");
        }
    }

    private static void checkOverrides(FeatureProperties overrides, FieldPath at, Problems violations) {
        Dates.check(overrides.expiryDate(), at.field("expiry_date"), violations);
        if (overrides.metadata() != null && !Metadata.isJsonObject(overrides.metadata())) {
            violations.add(ErrorCode.VALIDATION_ERROR, at.field("metadata"), "metadata must be a JSON object");
        }
        Counts.check(overrides, at, violations);
    }
}
