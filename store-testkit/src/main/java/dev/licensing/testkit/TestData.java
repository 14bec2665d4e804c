package dev.licensing.testkit;

import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.CustomFieldType;
import dev.licensing.api.FeatureProperties;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseProperty;
import dev.licensing.api.LicenseType;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.CustomerAccount;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.catalog.ProductCustomField;
import dev.licensing.api.catalog.ProductFeature;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.LicenseCustomField;
import dev.licensing.api.model.LicenseFeature;
import dev.licensing.api.model.LicenseUser;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.User;
import dev.licensing.api.order.CustomFieldRequest;
import dev.licensing.api.order.FeatureRequest;
import dev.licensing.api.store.OrderWrite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Records for store tests: fully populated ones (every field set, every value distinct from the engine's defaults, so a
 * field a store drops or swaps shows) and minimal ones (every optional field {@code null}). Values that must be unique
 * in a company (keys, emails) are derived from the caller's order id; engine ids come from {@code ids}, which the
 * caller draws from a store's {@code reserveIds} or any counter.
 */
public final class TestData {
    public static final String COMPANY = "acme";
    public static final String OTHER_COMPANY = "globex";
    /** Millisecond precision, the finest the wire shows ({@code created_at} is epoch milliseconds). */
    public static final Instant CREATED_AT = Instant.parse("2024-03-01T09:30:15.250Z");
    public static final Instant UPDATED_AT = Instant.parse("2024-03-02T10:00:00.125Z");
    public static final long CUSTOMER_ACCOUNT_ID = 7;

    /** A perpetual license's properties as the engine resolves them with nothing but its defaults (DESIGN §3). */
    private static final LicenseProperties ENGINE_DEFAULTS = new LicenseProperties(true, true, LicenseType.PERPETUAL,
            1, false, null, null, null, 120, 0, false, null, false, null, false, null, null, false, false, null, false,
            null, false, 0, false, false, false, null, null, null, null, null, null, null, null, null);

    private TestData() {
    }

    /**
     * Every declared property set ({@link LicenseProperty#all()}: one added later is covered too), none to the engine's
     * default (DESIGN §3), every number and every text distinct.
     */
    public static LicenseProperties fullLicenseProperties() {
        return LicenseProperty.build(property -> {
            int n = property.index();
            return switch (property.kind()) {
                case BOOLEAN -> !Boolean.TRUE.equals(property.engineDefault());
                case INTEGER -> 3 + n;
                case LONG -> 1000L + n;
                case TEXT -> property.wireName() + "-" + n;
                case LICENSE_TYPE -> LicenseType.SUBSCRIPTION;
                case CONSUMPTION_PERIOD -> ConsumptionPeriod.MONTHLY;
            };
        });
    }

    /** Every feature property set, every number distinct. */
    public static FeatureProperties fullFeatureProperties() {
        return new FeatureProperties(500L, true, 25L, true, true, true, ConsumptionPeriod.WEEKLY, "2027-01-31", 30, 4,
                true, true, "{\"tier\":\"gold\"}");
    }

    public static User user(long id, String email) {
        return new User(id, email, "sha256$c2FsdC0" + id + "$" + Long.toHexString(email.hashCode() * 31L + id));
    }

    /** A customer with every field set but {@code email} and {@code reference}, which may be {@code null}. */
    public static Customer customer(long id, String email, String reference) {
        return new Customer(id, email, "Ada", "Lovelace", "Analytical Engines Ltd", "+44 20 7946 0000",
                "12 St James's Square, London", reference, CUSTOMER_ACCOUNT_ID);
    }

    /**
     * A bundle order with every field of every record set: a new customer ({@code buyer.<orderId>@example.com},
     * reference {@code ref-<orderId>}) and two new users ({@code Alice.<orderId>@Example.com},
     * {@code bob.<orderId>@example.com}); a key-based item (keys {@code <orderId>-K1}, {@code <orderId>-K2}) and a
     * user-based one, each a bundle license followed by a sub-license that names it, with features and custom fields.
     */
    public static OrderWrite fullOrder(LongSupplier ids, String company, String orderId) {
        User alice = user(ids.getAsLong(), "Alice." + orderId + "@Example.com");
        User bob = user(ids.getAsLong(), "bob." + orderId + "@example.com");
        Customer buyer = customer(ids.getAsLong(), "buyer." + orderId + "@example.com", "ref-" + orderId);

        long keyBundleId = ids.getAsLong();
        License keyBundle = fullLicense(ids, keyBundleId, orderId + "-K1", List.of(), true, null);
        License keySub = fullLicense(ids, ids.getAsLong(), orderId + "-K2", List.of(), false, keyBundleId);
        long userBundleId = ids.getAsLong();
        License userBundle = fullLicense(ids, userBundleId, null,
                List.of(new LicenseUser(alice.id(), alice.email(), true, 3)), true, null);
        License userSub = fullLicense(ids, ids.getAsLong(), null,
                List.of(new LicenseUser(alice.id(), alice.email(), true, 2),
                        new LicenseUser(bob.id(), bob.email(), false, 1)),
                false, userBundleId);
        List<OrderItem> items = List.of(
                new OrderItem(ids.getAsLong(), 11, "SUITE", CUSTOMER_ACCOUNT_ID, List.of(keyBundle, keySub)),
                new OrderItem(ids.getAsLong(), 12, "TEAM", CUSTOMER_ACCOUNT_ID, List.of(userBundle, userSub)));
        Order order = new Order(ids.getAsLong(), company, orderId, true, CREATED_AT, "2024-03-01T09:30:15.250Z", true,
                "normal", "en", "utm_source=suite", "dl-" + orderId, true, "{\"channel\":\"web\"}", "po-" + orderId,
                buyer.id(), true, CUSTOMER_ACCOUNT_ID, items);
        return new OrderWrite(order, false, buyer, List.of(alice, bob));
    }

    /**
     * An order with every optional field {@code null} and lists empty: no customer, no users, one item of one license
     * without key or users, whose properties are all unset and whose one feature and one custom field carry nothing.
     */
    public static OrderWrite minimalOrder(LongSupplier ids, String company, String orderId) {
        License license = new License(ids.getAsLong(), 1, "TT", CREATED_AT, CREATED_AT, null, List.of(), false, null,
                null, null, LicenseProperties.NONE, null, "{}",
                List.of(new LicenseFeature(ids.getAsLong(), 31, "f1", "Feature one", FeatureProperties.NONE)),
                List.of(new LicenseCustomField(41, "customField1", null)));
        OrderItem item = new OrderItem(ids.getAsLong(), 1, "TT", null, List.of(license));
        Order order = new Order(ids.getAsLong(), company, orderId, false, CREATED_AT, null, null, null, null, null,
                null, null, null, null, null, false, null, List.of(item));
        return new OrderWrite(order, false, null, List.of());
    }

    /** A plain order of one item with one key-based license per key. */
    public static OrderWrite keyedOrder(LongSupplier ids, String company, String orderId, String... keys) {
        return plainOrder(ids, company, orderId, List.of(keyedItem(ids, keys)), null, List.of());
    }

    /** A plain order of one user-based license whose users, one per email, are all new to the company. */
    public static OrderWrite userOrder(LongSupplier ids, String company, String orderId, String... emails) {
        List<User> users = new ArrayList<>();
        List<LicenseUser> licenseUsers = new ArrayList<>();
        for (String email : emails) {
            User user = user(ids.getAsLong(), email);
            users.add(user);
            licenseUsers.add(new LicenseUser(user.id(), email, false, null));
        }
        License license = simpleLicense(ids.getAsLong(), null, licenseUsers);
        OrderItem item = new OrderItem(ids.getAsLong(), 2, "TU", null, List.of(license));
        return plainOrder(ids, company, orderId, List.of(item), null, users);
    }

    /** A plain order of one key-based license ({@code <orderId>-C}) that creates {@code customer}. */
    public static OrderWrite customerOrder(LongSupplier ids, String company, String orderId, Customer customer) {
        return plainOrder(ids, company, orderId, List.of(keyedItem(ids, orderId + "-C")), customer, List.of());
    }

    /** An item of one key-based license per key. */
    public static OrderItem keyedItem(LongSupplier ids, String... keys) {
        List<License> licenses = new ArrayList<>();
        for (String key : keys) {
            licenses.add(simpleLicense(ids.getAsLong(), key, List.of()));
        }
        return new OrderItem(ids.getAsLong(), 1, "TT", null, licenses);
    }

    /** The write that appends {@code items} to the order whose stored header is {@code header}. */
    public static OrderWrite append(Order header, List<OrderItem> items, List<User> newUsers) {
        return new OrderWrite(header.withItems(items), true, null, newUsers);
    }

    /**
     * A catalog with every field of every record set: a bundle product and its two members (one key-based, one
     * user-based), policies with features, with {@code null} features (none given) and with an empty list, and two
     * customer accounts.
     */
    public static Catalog fullCatalog() {
        Product bundle = new Product(10, "SUITE", "Office Suite", AuthorizationMethod.LICENSE_KEY, "suite-std",
                fullLicenseProperties(),
                List.of(new ProductFeature(31, "export", "Export", fullFeatureProperties())),
                List.of(new ProductCustomField(41, "customField1", CustomFieldType.TEXT, "none")),
                List.of("TT", "TU"));
        Product keyBased = new Product(11, "TT", "Tool", AuthorizationMethod.LICENSE_KEY, "std",
                fullLicenseProperties(),
                List.of(new ProductFeature(32, "f1", "Feature one", fullFeatureProperties()),
                        new ProductFeature(33, "f2", "Feature two", FeatureProperties.NONE)),
                List.of(new ProductCustomField(42, "seats", CustomFieldType.NUMBER, "1"),
                        new ProductCustomField(43, "renewal", CustomFieldType.DATE_TIME, "2025-01-01T00:00:00Z")),
                List.of());
        Product userBased = new Product(12, "TU", "Team tool", AuthorizationMethod.USER, null, LicenseProperties.NONE,
                List.of(), List.of(), List.of());
        Policy suite = new Policy(21, "SUITE", "suite-std", "Suite standard", fullLicenseProperties(),
                "{\"plan\":\"suite\"}",
                List.of(new FeatureRequest("export", fullFeatureProperties()), FeatureRequest.of("import")),
                List.of(new CustomFieldRequest("customField1", CustomFieldType.TEXT, "from policy"),
                        new CustomFieldRequest("seats", null, "5")));
        Policy noFeaturesGiven = new Policy(22, "TT", "std", "Standard", fullLicenseProperties(), null, null,
                List.of());
        Policy noFeatures = new Policy(23, "TT", "bare", "Bare", LicenseProperties.NONE, "{}", List.of(), List.of());
        return new Catalog(List.of(bundle, keyBased, userBased), List.of(suite, noFeaturesGiven, noFeatures),
                List.of(new CustomerAccount(CUSTOMER_ACCOUNT_ID, "Acme Group"), new CustomerAccount(8, "Globex")));
    }

    private static OrderWrite plainOrder(LongSupplier ids, String company, String orderId, List<OrderItem> items,
                                         Customer customer, List<User> newUsers) {
        Order order = new Order(ids.getAsLong(), company, orderId, false, CREATED_AT, null, null, null, null, null,
                null, null, "{}", null, customer == null ? null : customer.id(), false, null, items);
        return new OrderWrite(order, false, customer, newUsers);
    }

    private static License simpleLicense(long id, String key, List<LicenseUser> users) {
        return new License(id, 1, "TT", CREATED_AT, CREATED_AT, key, users, false, null, null, null,
                ENGINE_DEFAULTS, null, "{}", List.of(), List.of());
    }

    private static License fullLicense(LongSupplier ids, long id, String key, List<LicenseUser> users, boolean bundle,
                                       Long bundleLicenseId) {
        return new License(id, bundle ? 10 : 11, bundle ? "SUITE" : "TT", CREATED_AT, UPDATED_AT, key, users, bundle,
                bundleLicenseId, 21L, "suite-std", fullLicenseProperties(), "note of license " + id,
                "{\"seat\":" + id + "}",
                List.of(new LicenseFeature(ids.getAsLong(), 31, "export", "Export", fullFeatureProperties()),
                        new LicenseFeature(ids.getAsLong(), 32, "f1", "Feature one", fullFeatureProperties())),
                List.of(new LicenseCustomField(41, "customField1", "value of " + id),
                        new LicenseCustomField(42, "seats", "25")));
    }
}
