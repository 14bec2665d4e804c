package dev.licensing.core.plan;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.model.Warning;
import dev.licensing.api.order.CustomerRequest;
import dev.licensing.api.order.ItemRequest;
import dev.licensing.api.order.LicenseRequest;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.core.catalog.CatalogIndex;
import dev.licensing.core.rules.Authorization;
import dev.licensing.core.rules.Dates;
import dev.licensing.core.rules.Emails;
import dev.licensing.core.rules.Identifiers;
import dev.licensing.core.rules.LicenseKeys;
import dev.licensing.core.rules.Metadata;
import dev.licensing.core.rules.OrderSize;
import dev.licensing.core.rules.PolicyResolver;

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
        if (!OrderSize.check(request, violations)) {
            // Planning what is refused anyway would cost the very memory the limit protects.
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
        for (PlannedItem item : items) {
            for (PlannedLicense license : item.licenses()) {
                Dates.checkValidityNotBefore(license.properties(), createdAt, license.path(), violations);
            }
        }
        violations.throwIfAny();
        return new PlannedOrder(company, request, createdAt, drawKeys(items, givenKeys), warnings);
    }

    private static void checkHeader(OrderRequest request, Violations violations) {
        if (request.id() == null) {
            violations.add(ErrorCode.REQUIRED_FIELD, "id", "an order needs an id");
        } else if (request.id().isBlank()) {
            violations.add(ErrorCode.VALIDATION_ERROR, "id", "the order id must not be blank");
        } else {
            Identifiers.check(request.id(), "id", violations);
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
        if (customer != null) {
            if (customer.email() != null) {
                Emails.check(customer.email(), "customer.email", violations);
            }
            Identifiers.check(customer.reference(), "customer.reference", violations);
        }
        if (request.items().isEmpty()) {
            violations.add(ErrorCode.VALIDATION_ERROR, "items", "an order needs at least one item");
        }
    }

    private static Optional<PlannedItem> planItem(CatalogIndex catalog, OrderRequest request, int i,
                                                  Set<String> givenKeys, Violations violations) {
        ItemRequest item = request.items().get(i);
        String path = "items[" + i + "]";
        if (item.customerAccountId() != null && !catalog.hasCustomerAccount(item.customerAccountId())) {
            accountNotFound(violations, path + ".customer_account_id", item.customerAccountId());
        }
        if (item.licenses().isEmpty()) {
            violations.add(ErrorCode.VALIDATION_ERROR, path + ".licenses", "an item needs at least one license");
        }
        return request.bundle()
                ? BundleExpansion.planItem(catalog, request, item, path, givenKeys, violations)
                : planPlainItem(catalog, request, item, path, givenKeys, violations);
    }

    private static Optional<PlannedItem> planPlainItem(CatalogIndex catalog, OrderRequest request, ItemRequest item,
                                                       String path, Set<String> givenKeys, Violations violations) {
        if (item.key() != null) {
            violations.add(ErrorCode.VALIDATION_ERROR, path + ".key", "an item-level key belongs to bundle orders;"
                    + " give each license its key");
        }
        if (item.users() != null) {
            violations.add(ErrorCode.VALIDATION_ERROR, path + ".users", "item-level users belong to bundle orders;"
                    + " give each license its users");
        }
        Optional<Product> product = itemProduct(catalog, item, path, violations);
        if (product.isEmpty()) {
            return Optional.empty();
        }
        if (product.get().isBundle()) {
            violations.add(ErrorCode.BUNDLE_MISMATCH, path + ".product_code", "'" + item.productCode()
                    + "' is a bundle product; order it in a bundle order (is_bundle: true)");
            return Optional.empty();
        }
        Optional<Policy> itemPolicy = PolicyResolver.forItem(catalog, product.get(), item, path, violations);
        List<PlannedLicense> licenses = new ArrayList<>(item.licenses().size());
        for (int j = 0; j < item.licenses().size(); j++) {
            String licensePath = path + ".licenses[" + j + "]";
            LicenseRequest license = item.licenses().get(j);
            int before = violations.size();
            if (license.productCode() != null) {
                violations.add(ErrorCode.VALIDATION_ERROR, licensePath + ".product_code",
                        "a license names its product only in bundle orders");
            }
            Authorization.check(product.get(), license.key(), license.users(), licensePath, givenKeys, violations);
            Optional<PlannedLicense> planned = LicensePlanner.plan(catalog, request, item, product.get(), itemPolicy,
                    license, LicenseRole.STANDALONE, license.key(), license.users(), licensePath, violations);
            if (violations.size() == before) {
                planned.ifPresent(licenses::add);
            }
        }
        return Optional.of(new PlannedItem(path, product.get(), item.customerAccountId(), licenses));
    }

    /** The item's product: {@link ErrorCode#REQUIRED_FIELD} or {@link ErrorCode#UNKNOWN_PRODUCT} at its code. */
    static Optional<Product> itemProduct(CatalogIndex catalog, ItemRequest item, String path, Violations violations) {
        if (item.productCode() == null) {
            violations.add(ErrorCode.REQUIRED_FIELD, path + ".product_code", "an item needs a product_code");
            return Optional.empty();
        }
        if (!Identifiers.check(item.productCode(), path + ".product_code", violations)) {
            return Optional.empty();
        }
        Optional<Product> product = catalog.product(item.productCode());
        if (product.isEmpty()) {
            violations.add(ErrorCode.UNKNOWN_PRODUCT, path + ".product_code",
                    "no product '" + item.productCode() + "' in the catalog");
        }
        return product;
    }

    /** Draws a key for each key-based license that gives none, never one the request itself gives. */
    private List<PlannedItem> drawKeys(List<PlannedItem> items, Set<String> givenKeys) {
        List<PlannedItem> keyed = new ArrayList<>(items.size());
        for (PlannedItem item : items) {
            List<PlannedLicense> licenses = new ArrayList<>(item.licenses().size());
            for (PlannedLicense license : item.licenses()) {
                licenses.add(license.needsKey() ? generatedKey(license, givenKeys) : license);
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
        return license.withGeneratedKey(key);
    }

    private static void accountNotFound(Violations violations, String field, long id) {
        violations.add(ErrorCode.CUSTOMER_ACCOUNT_NOT_FOUND, field, "no customer account " + id);
    }
}
