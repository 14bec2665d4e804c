package dev.licensing.core.plan;

import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.model.LicenseCustomField;
import dev.licensing.api.model.Warning;
import dev.licensing.api.order.CustomerRequest;
import dev.licensing.api.order.ItemRequest;
import dev.licensing.api.order.LicenseRequest;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.api.order.UserRequest;
import dev.licensing.core.catalog.CatalogIndex;
import dev.licensing.core.rules.Counts;
import dev.licensing.core.rules.CustomFieldResolver;
import dev.licensing.core.rules.Dates;
import dev.licensing.core.rules.Durations;
import dev.licensing.core.rules.Emails;
import dev.licensing.core.rules.FeatureResolver;
import dev.licensing.core.rules.FeatureResolver.ResolvedFeature;
import dev.licensing.core.rules.LicenseKeys;
import dev.licensing.core.rules.LicenseTypeRules;
import dev.licensing.core.rules.Metadata;
import dev.licensing.core.rules.Notes;
import dev.licensing.core.rules.PolicyResolver;
import dev.licensing.core.rules.PropertyResolver;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Validates a request against its company's catalog and plans it (DESIGN §2 "validate" and "plan"): pure, no store
 * access, every violation collected with its JSON path. Keys of key-based licenses that give none are drawn here; the
 * store transaction draws again any that turn out taken.
 */
public final class OrderPlanner {
    private static final String ORDER_TYPE = "normal";

    private final Clock clock;
    private final Random random;

    public OrderPlanner(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    /**
     * @param catalog the company's catalog, or {@code null} when it has none
     * @throws dev.licensing.api.OrderRejectedException with every violation found
     */
    public PlannedOrder plan(String company, CatalogIndex catalog, OrderRequest request, List<Warning> warnings) {
        Violations violations = new Violations();
        checkHeader(request, violations);
        Instant createdAt = Dates.check(request.created(), "created", violations).orElseGet(clock::instant);
        if (catalog == null) {
            violations.add(ErrorCode.CATALOG_MISSING, null, "company '" + company + "' has no catalog");
            violations.throwIfAny();
        }
        if (request.customerAccountId() != null && !catalog.hasCustomerAccount(request.customerAccountId())) {
            accountNotFound(violations, "customer_account_id", request.customerAccountId());
        }
        List<PlannedItem> items = new ArrayList<>(request.items().size());
        Set<String> givenKeys = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            planItem(catalog, request, i, givenKeys, violations).ifPresent(items::add);
        }
        violations.throwIfAny();
        return new PlannedOrder(company, request, createdAt, drawKeys(items, givenKeys), warnings);
    }

    private static void checkHeader(OrderRequest request, Violations violations) {
        if (request.id() == null) {
            violations.add(ErrorCode.REQUIRED_FIELD, "id", "an order needs an id");
        } else if (request.id().isBlank()) {
            violations.add(ErrorCode.VALIDATION_ERROR, "id", "the order id must not be blank");
        }
        if (request.orderType() != null && !ORDER_TYPE.equals(request.orderType())) {
            violations.add(ErrorCode.INVALID_VALUE, "order_type",
                    "order_type '" + request.orderType() + "' is not one of: " + ORDER_TYPE);
        }
        if (request.metadata() != null && !Metadata.isJsonObject(request.metadata())) {
            violations.add(ErrorCode.VALIDATION_ERROR, "metadata",
                    "metadata must be a string that holds a serialized JSON object");
        }
        CustomerRequest customer = request.customer();
        if (customer != null && customer.email() != null && !Emails.isValid(customer.email())) {
            violations.add(ErrorCode.VALIDATION_ERROR, "customer.email", "'" + customer.email() + "' is not an email");
        }
        if (request.bundle()) {
            violations.add(ErrorCode.BUNDLE_MISMATCH, "is_bundle", "bundle orders (is_bundle: true) are not "
                    + "supported yet; send the bundle's products as a plain order");
        }
        if (request.items().isEmpty()) {
            violations.add(ErrorCode.VALIDATION_ERROR, "items", "an order needs at least one item");
        }
    }

    private Optional<PlannedItem> planItem(CatalogIndex catalog, OrderRequest request, int i, Set<String> givenKeys,
                                           Violations violations) {
        ItemRequest item = request.items().get(i);
        String path = "items[" + i + "]";
        if (item.key() != null) {
            violations.add(ErrorCode.VALIDATION_ERROR, path + ".key", "an item-level key belongs to bundle orders;"
                    + " give each license its key");
        }
        if (item.users() != null) {
            violations.add(ErrorCode.VALIDATION_ERROR, path + ".users", "item-level users belong to bundle orders;"
                    + " give each license its users");
        }
        if (item.customerAccountId() != null && !catalog.hasCustomerAccount(item.customerAccountId())) {
            accountNotFound(violations, path + ".customer_account_id", item.customerAccountId());
        }
        if (item.licenses().isEmpty()) {
            violations.add(ErrorCode.VALIDATION_ERROR, path + ".licenses", "an item needs at least one license");
        }
        Optional<Product> product = product(catalog, item, path, violations);
        if (product.isEmpty()) {
            return Optional.empty();
        }
        Optional<Policy> itemPolicy = PolicyResolver.forItem(catalog, product.get(), item, path, violations);
        List<PlannedLicense> licenses = new ArrayList<>(item.licenses().size());
        for (int j = 0; j < item.licenses().size(); j++) {
            String licensePath = path + ".licenses[" + j + "]";
            planLicense(catalog, request, item, product.get(), itemPolicy, item.licenses().get(j), licensePath,
                    givenKeys, violations).ifPresent(licenses::add);
        }
        return Optional.of(new PlannedItem(path, product.get(), item.customerAccountId(), licenses));
    }

    private static Optional<Product> product(CatalogIndex catalog, ItemRequest item, String path,
                                             Violations violations) {
        if (item.productCode() == null) {
            violations.add(ErrorCode.REQUIRED_FIELD, path + ".product_code", "an item needs a product_code");
            return Optional.empty();
        }
        Optional<Product> product = catalog.product(item.productCode());
        if (product.isEmpty()) {
            violations.add(ErrorCode.UNKNOWN_PRODUCT, path + ".product_code",
                    "no product '" + item.productCode() + "' in the catalog");
        } else if (product.get().isBundle()) {
            violations.add(ErrorCode.BUNDLE_MISMATCH, path + ".product_code",
                    "'" + item.productCode() + "' is a bundle product; a plain order cannot order it");
            return Optional.empty();
        }
        return product;
    }

    private static Optional<PlannedLicense> planLicense(CatalogIndex catalog, OrderRequest request, ItemRequest item,
                                                        Product product, Optional<Policy> itemPolicy,
                                                        LicenseRequest license, String path, Set<String> givenKeys,
                                                        Violations violations) {
        int before = violations.size();
        if (license.productCode() != null) {
            violations.add(ErrorCode.VALIDATION_ERROR, path + ".product_code",
                    "a license names its product only in bundle orders");
        }
        checkAuthorization(product, license, path, givenKeys, violations);
        LicenseProperties given = license.properties();
        Durations.check(given.validDuration(), path + ".valid_duration", violations);
        Durations.check(given.maintenanceDuration(), path + ".maintenance_duration", violations);
        Dates.check(given.startDate(), path + ".start_date", violations);
        Dates.check(given.validityPeriod(), path + ".validity_period", violations);
        Dates.check(given.maintenancePeriod(), path + ".maintenance_period", violations);
        Counts.check(given, path, violations);
        if (license.metadata() != null && !Metadata.isJsonObject(license.metadata())) {
            violations.add(ErrorCode.VALIDATION_ERROR, path + ".metadata", "metadata must be a JSON object");
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
        return Optional.of(new PlannedLicense(path, product, license.key(), false, license.users(), applied, resolved,
                Notes.forLicense(license.note(), item.note()),
                Metadata.forLicense(license.metadata(), applied == null ? null : applied.metadata()),
                features, customFields));
    }

    private static void checkAuthorization(Product product, LicenseRequest license, String path, Set<String> givenKeys,
                                           Violations violations) {
        if (product.authorizationMethod() == AuthorizationMethod.LICENSE_KEY) {
            if (license.users() != null) {
                violations.add(ErrorCode.AUTHORIZATION_METHOD_MISMATCH, path + ".users",
                        "product '" + product.code() + "' is key-based: its licenses take a key, not users");
            }
            if (license.key() != null && license.key().isBlank()) {
                violations.add(ErrorCode.VALIDATION_ERROR, path + ".key", "a license key must not be blank");
            } else if (license.key() != null && !givenKeys.add(license.key())) {
                violations.add(ErrorCode.LICENSE_KEY_EXISTS, path + ".key",
                        "key '" + license.key() + "' is given twice in this request");
            }
            return;
        }
        if (license.key() != null) {
            violations.add(ErrorCode.AUTHORIZATION_METHOD_MISMATCH, path + ".key",
                    "product '" + product.code() + "' is user-based: its licenses take users, not a key");
        }
        if (license.users() == null || license.users().isEmpty()) {
            violations.add(ErrorCode.REQUIRED_FIELD, path + ".users",
                    "product '" + product.code() + "' is user-based: a license needs at least one user");
            return;
        }
        Set<String> emails = new HashSet<>();
        for (int k = 0; k < license.users().size(); k++) {
            UserRequest user = license.users().get(k);
            String at = path + ".users[" + k + "]";
            if (!Emails.isValid(user.email())) {
                violations.add(ErrorCode.VALIDATION_ERROR, at + ".email", "'" + user.email() + "' is not an email");
            } else if (!emails.add(Emails.normalize(user.email()))) {
                violations.add(ErrorCode.DUPLICATE_EMAIL, at + ".email",
                        "'" + user.email() + "' is already a user of this license");
            }
            Counts.checkUserActivations(user.maxActivations(), at, violations);
        }
    }

    /** Draws a key for each key-based license that gives none, never one the request itself gives. */
    private List<PlannedItem> drawKeys(List<PlannedItem> items, Set<String> givenKeys) {
        List<PlannedItem> keyed = new ArrayList<>(items.size());
        for (PlannedItem item : items) {
            List<PlannedLicense> licenses = new ArrayList<>(item.licenses().size());
            for (PlannedLicense license : item.licenses()) {
                boolean needsKey = license.product().authorizationMethod() == AuthorizationMethod.LICENSE_KEY
                        && license.key() == null;
                licenses.add(needsKey ? generatedKey(license, givenKeys) : license);
            }
            keyed.add(new PlannedItem(item.path(), item.product(), item.customerAccountId(), licenses));
        }
        return keyed;
    }

    private PlannedLicense generatedKey(PlannedLicense license, Set<String> taken) {
        String key;
        do {
            key = LicenseKeys.generate(random);
        } while (!taken.add(key));
        return new PlannedLicense(license.path(), license.product(), key, true, license.users(), license.policy(),
                license.properties(), license.note(), license.metadata(), license.features(), license.customFields());
    }

    private static void accountNotFound(Violations violations, String field, long id) {
        violations.add(ErrorCode.CUSTOMER_ACCOUNT_NOT_FOUND, field, "no customer account " + id);
    }
}
