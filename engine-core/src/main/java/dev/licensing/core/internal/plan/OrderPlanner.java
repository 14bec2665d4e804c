package dev.licensing.core.internal.plan;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.model.Warning;
import dev.licensing.api.order.CustomerRequest;
import dev.licensing.api.order.ItemRequest;
import dev.licensing.api.order.LicenseRequest;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.core.internal.catalog.CatalogIndex;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;
import dev.licensing.core.internal.rules.Authorization;
import dev.licensing.core.internal.rules.Dates;
import dev.licensing.core.internal.rules.Emails;
import dev.licensing.core.internal.rules.Identifiers;
import dev.licensing.core.internal.rules.Metadata;
import dev.licensing.core.internal.rules.OrderSize;
import dev.licensing.core.internal.rules.OrderTypes;
import dev.licensing.core.internal.rules.PolicyResolver;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a request against its company's catalog and plans it (DESIGN §2 "validate" and "plan"): pure, no store
 * access, every violation collected with its JSON path. What only the store can tell (taken ids and keys, existing
 * users and customers) and the keys the engine generates are settlement's, inside the store transaction.
 */
public final class OrderPlanner {
    private final Clock clock;

    public OrderPlanner(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param catalog the company's catalog, or {@code null} when it has none
     * @throws dev.licensing.api.OrderRejectedException with every violation found
     */
    public PlannedOrder plan(String company, CatalogIndex catalog, OrderRequest request, List<Warning> warnings) {
        Problems violations = new Problems();
        checkHeader(request, violations);
        Instant createdAt = Dates.check(request.created(), FieldPath.ROOT.field("created"), violations).orElseGet(clock::instant);
        if (catalog == null) {
            violations.add(ErrorCode.CATALOG_MISSING, FieldPath.ROOT, "company '" + company + "' has no catalog");
            violations.throwIfAny();
        }
        if (!OrderSize.check(request, violations)) {
            // Planning what is refused anyway would cost the very memory the limit protects.
            violations.throwIfAny();
        }
        if (request.customerAccountId() != null && !catalog.hasCustomerAccount(request.customerAccountId())) {
            accountNotFound(violations, FieldPath.ROOT.field("customer_account_id"), request.customerAccountId());
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
        return new PlannedOrder(company, OrderHeader.of(request, createdAt), items, warnings);
    }

    private static void checkHeader(OrderRequest request, Problems violations) {
        if (request.id() == null) {
            violations.add(ErrorCode.REQUIRED_FIELD, FieldPath.ROOT.field("id"), "an order needs an id");
        } else if (request.id().isBlank()) {
            violations.add(ErrorCode.VALIDATION_ERROR, FieldPath.ROOT.field("id"), "the order id must not be blank");
        } else {
            Identifiers.check(request.id(), FieldPath.ROOT.field("id"), violations);
        }
        if (request.orderType() != null && !OrderTypes.isKnown(request.orderType())) {
            violations.add(ErrorCode.INVALID_VALUE, FieldPath.ROOT.field("order_type"), OrderTypes.refusal(request.orderType()));
        }
        if (request.metadata() != null && !Metadata.isJsonObject(request.metadata())) {
            violations.add(ErrorCode.VALIDATION_ERROR, FieldPath.ROOT.field("metadata"),
                    "metadata must be a string that holds a serialized JSON object");
        }
        CustomerRequest customer = request.customer();
        if (customer != null) {
            FieldPath customerPath = FieldPath.ROOT.field("customer");
            if (customer.email() != null) {
                Emails.check(customer.email(), customerPath.field("email"), violations);
            }
            Identifiers.check(customer.reference(), customerPath.field("reference"), violations);
        }
        if (request.items().isEmpty()) {
            violations.add(ErrorCode.VALIDATION_ERROR, FieldPath.ROOT.field("items"), "an order needs at least one item");
        }
    }

    private static Optional<PlannedItem> planItem(CatalogIndex catalog, OrderRequest request, int i,
                                                  Set<String> givenKeys, Problems violations) {
        ItemRequest item = request.items().get(i);
        FieldPath path = FieldPath.ROOT.field("items").index(i);
        if (item.customerAccountId() != null && !catalog.hasCustomerAccount(item.customerAccountId())) {
            accountNotFound(violations, path.field("customer_account_id"), item.customerAccountId());
        }
        if (item.licenses().isEmpty()) {
            violations.add(ErrorCode.VALIDATION_ERROR, path.field("licenses"), "an item needs at least one license");
        }
        return request.bundle()
                ? BundleExpansion.planItem(catalog, request, item, path, givenKeys, violations)
                : planPlainItem(catalog, request, item, path, givenKeys, violations);
    }

    private static Optional<PlannedItem> planPlainItem(CatalogIndex catalog, OrderRequest request, ItemRequest item,
                                                       FieldPath path, Set<String> givenKeys, Problems violations) {
        if (item.key() != null) {
            violations.add(ErrorCode.VALIDATION_ERROR, path.field("key"), "an item-level key belongs to bundle orders;"
                    + " give each license its key");
        }
        if (item.users() != null) {
            violations.add(ErrorCode.VALIDATION_ERROR, path.field("users"), "item-level users belong to bundle orders;"
                    + " give each license its users");
        }
        Optional<Product> product = itemProduct(catalog, item, path, violations);
        if (product.isEmpty()) {
            return Optional.empty();
        }
        if (product.get().isBundle()) {
            violations.add(ErrorCode.BUNDLE_MISMATCH, path.field("product_code"), "'" + item.productCode()
                    + "' is a bundle product; order it in a bundle order (is_bundle: true)");
            return Optional.empty();
        }
        Optional<Policy> itemPolicy = PolicyResolver.forItem(catalog, product.get(), item, path, violations);
        List<PlannedLicense> licenses = new ArrayList<>(item.licenses().size());
        for (int j = 0; j < item.licenses().size(); j++) {
            FieldPath licensePath = path.field("licenses").index(j);
            LicenseRequest license = item.licenses().get(j);
            int before = violations.size();
            if (license.productCode() != null) {
                violations.add(ErrorCode.VALIDATION_ERROR, licensePath.field("product_code"),
                        "a license names its product only in bundle orders");
            }
            Authorization.check(product.get(), license.key(), license.users(), licensePath, givenKeys, violations);
            Optional<PlannedLicense> planned = LicensePlanner.plan(catalog, request, item, product.get(), itemPolicy,
                    license, LicenseRole.STANDALONE, null, license.key(), license.users(), licensePath, violations);
            if (violations.size() == before) {
                planned.ifPresent(licenses::add);
            }
        }
        return Optional.of(new PlannedItem(path, product.get(), item.customerAccountId(), licenses));
    }

    /** The item's product: {@link ErrorCode#REQUIRED_FIELD} or {@link ErrorCode#UNKNOWN_PRODUCT} at its code. */
    static Optional<Product> itemProduct(CatalogIndex catalog, ItemRequest item, FieldPath path, Problems violations) {
        if (item.productCode() == null) {
            violations.add(ErrorCode.REQUIRED_FIELD, path.field("product_code"), "an item needs a product_code");
            return Optional.empty();
        }
        if (!Identifiers.check(item.productCode(), path.field("product_code"), violations)) {
            return Optional.empty();
        }
        Optional<Product> product = catalog.product(item.productCode());
        if (product.isEmpty()) {
            violations.add(ErrorCode.UNKNOWN_PRODUCT, path.field("product_code"),
                    "no product '" + item.productCode() + "' in the catalog");
        }
        return product;
    }

    private static void accountNotFound(Problems violations, FieldPath field, long id) {
        violations.add(ErrorCode.CUSTOMER_ACCOUNT_NOT_FOUND, field, "no customer account " + id);
    }
}
