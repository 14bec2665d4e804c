package dev.licensing.testkit;

import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicenseType;
import dev.licensing.api.LicensingError;
import dev.licensing.api.OrderRejectedException;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.catalog.ProductFeature;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.OrderResult;
import dev.licensing.api.model.User;
import dev.licensing.api.model.Warning;
import dev.licensing.api.order.CustomFieldRequest;
import dev.licensing.api.order.CustomerRequest;
import dev.licensing.api.order.FeatureRequest;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.api.store.KeptIdempotencyKey;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.StoreException;
import dev.licensing.api.store.StoreReader;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.importing.ImportListener;
import dev.licensing.core.importing.ImportOptions;
import dev.licensing.core.importing.ImportOutcome;
import dev.licensing.core.importing.ImportSummary;
import dev.licensing.core.wire.InvalidCatalogException;
import dev.licensing.core.wire.LicenseSpringJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static dev.licensing.testkit.TestOrders.featureProps;
import static dev.licensing.testkit.TestOrders.item;
import static dev.licensing.testkit.TestOrders.key;
import static dev.licensing.testkit.TestOrders.order;
import static dev.licensing.testkit.TestOrders.props;
import static dev.licensing.testkit.TestOrders.sub;
import static dev.licensing.testkit.TestOrders.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The kinds of input that public bug reports of licensing and order systems show (DESIGN §3 "What real inputs taught
 * us"), through the engine's public API on a real store: each store module runs it from its test sources. Each test
 * covers a kind, not one value: every identifier, every invisible character, every date field.
 */
public abstract class RealInputsConformanceSuite {
    protected static final String COMPANY = "acme";
    protected static final Instant NOW = Instant.parse("2025-03-25T10:00:00Z");

    protected LicenseStore store;
    protected LicenseEngine engine;

    /** A fresh, empty store. */
    protected abstract LicenseStore openStore();

    @BeforeEach
    void setUpEngine() {
        store = openStore();
        engine = engine(NOW);
        engine.replaceCatalog(COMPANY, EngineTestCatalog.catalog());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private LicenseEngine engine(Instant now) {
        return LicenseEngine.builder(store).clock(Clock.fixed(now, ZoneOffset.UTC)).random(new Random(42)).build();
    }

    private OrderResult create(TestOrders.OrderBuilder request) {
        return engine.createOrder(COMPANY, request.build());
    }

    /** Asserts the rejection has this error and that the order was not written. */
    private List<LicensingError> assertRejected(TestOrders.OrderBuilder builder, ErrorCode code, String field) {
        OrderRequest request = builder.build();
        List<LicensingError> errors = new ArrayList<>();
        assertThatThrownBy(() -> engine.createOrder(COMPANY, request))
                .isInstanceOfSatisfying(OrderRejectedException.class, e -> errors.addAll(e.errors()));
        assertThat(errors).extracting(LicensingError::code, LicensingError::field).contains(tuple(code, field));
        if (request.id() != null) {
            assertThat(engine.findOrder(COMPANY, request.id())).as("nothing written").isEmpty();
        }
        return errors;
    }

    private static TestOrders.OrderBuilder oneKey(TestOrders.LicenseBuilder license) {
        return order("o1").item(item("KEY").license(license));
    }

    private static License onlyLicense(OrderResult result) {
        return result.order().items().get(0).licenses().get(0);
    }

    private static CustomerRequest customer(String email, String reference) {
        return new CustomerRequest(email, null, null, null, null, null, reference, null);
    }

    /** What each identifier field gets to hold the character under test, and where the error must point. */
    private record Case(TestOrders.OrderBuilder request, String field) {
    }

    private static List<Case> everyIdentifierHolding(String c) {
        return List.of(
                new Case(order("o1" + c).item(item("KEY").license(key(null))), "id"),
                new Case(oneKey(key(null)).customer(customer("lena@example.de" + c, null)), "customer.email"),
                new Case(oneKey(key(null)).customer(customer(c + "lena@example.de", null)), "customer.email"),
                new Case(oneKey(key(null)).customer(customer(null, "ref-1" + c)), "customer.reference"),
                new Case(order("o1").item(item("KEY" + c).license(key(null))), "items[0].product_code"),
                new Case(oneKey(key("AAAA-BBBB" + c + "-CCCC")), "items[0].licenses[0].key"),
                new Case(order("o1").item(item("USR").license(users("lena@example.de" + c))),
                        "items[0].licenses[0].users[0].email"),
                new Case(order("o1").item(item("USR").license(users(c + "lena@example.de"))),
                        "items[0].licenses[0].users[0].email"),
                new Case(oneKey(key(null).policy("policy_A" + c)), "items[0].licenses[0].policy_code"),
                new Case(oneKey(key(null).templateCode("policy_A" + c)), "items[0].licenses[0].license_template_code"),
                new Case(order("o1").item(item("KEY").licensePolicy("policy_A" + c).license(key(null))),
                        "items[0].license_policy"),
                new Case(oneKey(key(null).features(FeatureRequest.of("f1" + c))),
                        "items[0].licenses[0].product_features[0]"),
                new Case(oneKey(key(null).features(new FeatureRequest("f1" + c, featureProps("maxConsumption", 2L)))),
                        "items[0].licenses[0].product_features[0].code"),
                new Case(order("o1").bundle(true).item(item("BUN").license(sub("KEY" + c))),
                        "items[0].licenses[0].product_code"),
                new Case(order("o1").bundle(true).item(item("BUN").key("BUNDLE" + c + "KEY").license(sub("KEY"))),
                        "items[0].key"));
    }

    /**
     * White space of any script, format characters and controls: no-break space, narrow no-break space, ideographic
     * space, line separator, tab, zero-width space, zero-width joiner, byte-order mark, soft hyphen, left-to-right mark,
     * NUL.
     */
    @Nested
    class InvisibleCharactersInIdentifiers {
        @ParameterizedTest
        @ValueSource(strings = {"\u00a0", "\u202f", "\u3000", "\u2028", "\t", " ", "\u200b", "\u200d", "\ufeff",
                "\u00ad", "\u200e", "\u0000"})
        void anyIdentifierHoldingOneIsAValidationErrorAtIt(String c) {
            for (Case each : everyIdentifierHolding(c)) {
                List<LicensingError> errors = assertRejected(each.request(), ErrorCode.VALIDATION_ERROR, each.field());
                assertThat(errors).as(each.field()).filteredOn(e -> each.field().equals(e.field())).singleElement()
                        .satisfies(e -> assertThat(e.message()).contains(String.format("U+%04X", (int) c.charAt(0))));
            }
        }

        @Test
        void anEmailWithANoBreakSpaceOrAZeroWidthSpaceNeverBecomesASecondUser() {
            OrderResult first = create(order("o1").item(item("USR").license(users("lena@example.de"))));
            assertThat(first.newPasswords()).hasSize(1);
            assertRejected(order("o2").item(item("USR").license(users("lena@example.de\u00a0"))),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].users[0].email");
            assertRejected(order("o3").item(item("USR").license(users("\u200blena@example.de"))),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].users[0].email");
            Map<String, User> found = store.read(r -> r.findUsers(COMPANY, List.of("lena@example.de",
                    "lena@example.de\u00a0", "\u200blena@example.de")));
            assertThat(found).hasSize(1);
        }

        @Test
        void emailsCompareAfterNfcAndCaseFolding() {
            // "José" with é as one code point, then as E + combining acute, upper case.
            OrderResult first = create(order("o1").item(item("USR").license(users("Jos\u00e9@Example.de")))
                    .customer(customer("Zo\u00eb@Example.de", null)));
            OrderResult second = create(order("o2").item(item("USR").license(users("JOSE\u0301@EXAMPLE.DE")))
                    .customer(customer("ZOE\u0308@example.DE", null)));
            assertThat(second.newPasswords()).isEmpty();
            assertThat(onlyLicense(second).users().get(0).userId()).isEqualTo(onlyLicense(first).users().get(0).userId());
            assertThat(second.order().customerId()).isEqualTo(first.order().customerId());
            Map<String, User> users = store.read(r -> r.findUsers(COMPANY, List.of("jose\u0301@example.de")));
            assertThat(users.values()).extracting(User::id).containsExactly(onlyLicense(first).users().get(0).userId());
            Map<String, Customer> customers = store.read(r -> r.findCustomersByEmail(COMPANY,
                    List.of("ZO\u00cb@EXAMPLE.DE")));
            assertThat(customers.values()).extracting(Customer::id).containsExactly(first.order().customerId());
        }

        @Test
        void catalogCodesHoldingOneAreInvalidCatalogAtThem() {
            Catalog catalog = EngineTestCatalog.catalog();
            List<Product> products = new ArrayList<>(catalog.products());
            Product key = products.get(0);
            products.set(0, new Product(key.id(), "KEY\u200b", key.name(), key.authorizationMethod(), null,
                    key.defaults(), List.of(new ProductFeature(5, "f\u00a01", "Export", null)), null, null));
            products.set(1, new Product(2, "USR", "User tool", dev.licensing.api.AuthorizationMethod.USER, null, null,
                    null, null, null));
            List<Policy> policies = List.of(new Policy(30, "USR", "std\ufeff", "Standard", null, null, null, null));
            assertInvalidCatalog(new Catalog(products, policies, null), "products[0].code");
            assertInvalidCatalog(new Catalog(products, policies, null), "products[0].features[0].code");
            assertInvalidCatalog(new Catalog(products, policies, null), "policies[0].code");
        }
    }

    private void assertInvalidCatalog(Catalog catalog, String field) {
        assertThatThrownBy(() -> engine.replaceCatalog(COMPANY, catalog))
                .isInstanceOfSatisfying(InvalidCatalogException.class, e -> assertThat(e.errors())
                        .extracting(LicensingError::code, LicensingError::field)
                        .contains(tuple(ErrorCode.INVALID_CATALOG, field)));
        assertThat(engine.catalog(COMPANY)).contains(EngineTestCatalog.catalog());
    }

    /** Go's zero time, .NET's DateTime.MinValue, and the last instant before the epoch, in every date field. */
    @Nested
    class SentinelAndImpossibleDates {
        @ParameterizedTest
        @ValueSource(strings = {"0001-01-01T00:00:00Z", "0001-01-01", "0001-01-01 00:00:00", "1969-12-31T23:59:59Z",
                "1970-01-01T01:00:00+02:00"})
        void anyDateBefore1970IsAValidationErrorNamingItsField(String date) {
            assertRejected(oneKey(key(null)).created(date), ErrorCode.VALIDATION_ERROR, "created");
            assertRejected(oneKey(key(null).with("startDate", date)), ErrorCode.VALIDATION_ERROR,
                    "items[0].licenses[0].start_date");
            assertRejected(oneKey(key(null).with("licenseType", LicenseType.TIME_LIMITED, "validityPeriod", date)),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].validity_period");
            assertRejected(oneKey(key(null).with("enableMaintenancePeriod", true, "maintenancePeriod", date)),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].maintenance_period");
            assertRejected(oneKey(key(null).features(new FeatureRequest("f1", featureProps("expiryDate", date)))),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].product_features[0].expiry_date");
            assertRejected(oneKey(key(null).customFields(new CustomFieldRequest("cf_date", null, date))),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].custom_fields[0].value");
        }

        @Test
        void theEpochItselfIsADate() {
            License license = onlyLicense(create(oneKey(key(null).with("startDate", "1970-01-01"))));
            assertThat(license.properties().startDate()).isEqualTo("1970-01-01");
        }

        @Test
        void aCatalogDateBefore1970IsInvalidCatalogAtIt() {
            Catalog catalog = EngineTestCatalog.catalog();
            List<Policy> policies = new ArrayList<>(catalog.policies());
            policies.add(new Policy(40, "KEY", "sentinel", null, props("licenseType", LicenseType.TIME_LIMITED,
                    "validityPeriod", "0001-01-01T00:00:00Z"), null, null, null));
            assertInvalidCatalog(new Catalog(catalog.products(), policies, catalog.customerAccounts()),
                    "policies[3].validity_period");
        }

        @Test
        void aValidityPeriodThatEndedBeforeTheOrdersCreatedIsAnError() {
            assertRejected(oneKey(key(null).with("licenseType", LicenseType.TIME_LIMITED,
                    "validityPeriod", "2024-05-31 23:59")).created("2024-06-01"), ErrorCode.VALIDATION_ERROR,
                    "items[0].licenses[0].validity_period");
        }

        @Test
        void withoutCreatedAValidityPeriodThatEndedBeforeTheClocksNowIsAnError() {
            assertRejected(oneKey(key(null).with("licenseType", LicenseType.TIME_LIMITED,
                    "validityPeriod", "2025-03-24")), ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].validity_period");
            assertRejected(oneKey(key(null).with("licenseType", LicenseType.TIME_LIMITED,
                    "validityPeriod", "2025-03-25T09:59:59Z")), ErrorCode.VALIDATION_ERROR,
                    "items[0].licenses[0].validity_period");
        }

        @Test
        void aValidityPeriodOfTheOrdersOwnDayIsValidForTheWholeDay() {
            License license = onlyLicense(create(oneKey(key(null).with("licenseType", LicenseType.TIME_LIMITED,
                    "validityPeriod", "2025-03-25"))));
            assertThat(license.properties().validityPeriod()).isEqualTo("2025-03-25");
        }
    }

    @Nested
    class ADateAloneAsAnEnd {
        @Test
        void aValidityPeriodOfTheStartDatesDayMeansTheWholeDay() {
            License license = onlyLicense(create(oneKey(key(null).with("licenseType", LicenseType.TIME_LIMITED,
                    "startDate", "2026-06-26T09:00Z", "validityPeriod", "2026-06-26"))));
            assertThat(license.properties().validityPeriod()).isEqualTo("2026-06-26");
            assertThat(license.properties().startDate()).isEqualTo("2026-06-26T09:00Z");
        }

        @Test
        void theDayBeforeTheStartDateIsStillBeforeIt() {
            assertRejected(oneKey(key(null).with("licenseType", LicenseType.TIME_LIMITED,
                    "startDate", "2026-06-26T09:00Z", "validityPeriod", "2026-06-25")), ErrorCode.VALIDATION_ERROR,
                    "items[0].licenses[0].validity_period");
        }

        @Test
        void aDateAloneAsAStartStillMeansItsMidnight() {
            assertRejected(oneKey(key(null).with("licenseType", LicenseType.TIME_LIMITED,
                    "startDate", "2026-06-27", "validityPeriod", "2026-06-26T23:59:59Z")), ErrorCode.VALIDATION_ERROR,
                    "items[0].licenses[0].validity_period");
        }
    }

    @Nested
    class FeatureRulesMirrorLicenseRules {
        @Test
        void aFeatureWithResetConsumptionAndNoPeriodIsAnErrorAsOnTheLicense() {
            assertRejected(oneKey(key(null).features(new FeatureRequest("f1", featureProps("resetConsumption", true)))),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].product_features[0].reset_consumption");
            License license = onlyLicense(create(oneKey(key(null).features(new FeatureRequest("f1",
                    featureProps("resetConsumption", true, "consumptionPeriod", ConsumptionPeriod.MONTHLY))))));
            assertThat(license.features().get(0).properties().resetConsumption()).isTrue();
        }

        @Test
        void aCatalogFeatureWithResetConsumptionAndNoPeriodIsInvalidCatalog() {
            Catalog catalog = EngineTestCatalog.catalog();
            List<Product> products = new ArrayList<>(catalog.products());
            Product key = products.get(0);
            products.set(0, new Product(key.id(), key.code(), key.name(), key.authorizationMethod(), null,
                    key.defaults(), List.of(new ProductFeature(5, "f1", "Export",
                    featureProps("resetConsumption", true))), key.customFields(), null));
            assertInvalidCatalog(new Catalog(products, catalog.policies(), catalog.customerAccounts()),
                    "products[0].features[0].reset_consumption");
        }

        @Test
        void floatingUsersAboveMaxActivationsAfterResolutionIsAnErrorAtFloatingUsers() {
            // KEY's product default is max_activations 3.
            assertRejected(oneKey(key(null).with("floatingUsers", 4)), ErrorCode.VALIDATION_ERROR,
                    "items[0].licenses[0].floating_users");
            assertRejected(oneKey(key(null).with("isFloating", true, "floatingUsers", 6).policy("policy_A")),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].floating_users");
            assertThat(onlyLicense(create(order("a").item(item("KEY").license(key(null).with("floatingUsers", 3)))))
                    .properties().floatingUsers()).isEqualTo(3);
            assertThat(onlyLicense(create(order("b").item(item("KEY").license(key(null)
                    .with("floatingUsers", 5).policy("policy_A"))))).properties().maxActivations()).isEqualTo(5);
            assertThat(onlyLicense(create(order("c").item(item("KEY").license(key(null)
                    .with("floatingUsers", 50, "allowUnlimitedActivations", true))))).properties().floatingUsers())
                    .isEqualTo(50);
        }
    }

    @Nested
    class LicensesPerOrder {
        private TestOrders.ItemBuilder keyLicenses(String product, int count, Function<Integer, TestOrders.LicenseBuilder> each) {
            TestOrders.ItemBuilder item = item(product);
            for (int n = 0; n < count; n++) {
                item.license(each.apply(n));
            }
            return item;
        }

        @Test
        void anOrderOfMoreThanTenThousandLicensesIsTooManyLicensesAtTheItemThatCrossesTheLimit() {
            assertRejected(order("big").item(keyLicenses("KEY", 10_001, n -> key(null))),
                    ErrorCode.TOO_MANY_LICENSES, "items[0].licenses");
            assertRejected(order("big").item(keyLicenses("KEY", 6_000, n -> key(null)))
                    .item(keyLicenses("KEY", 4_001, n -> key(null))), ErrorCode.TOO_MANY_LICENSES, "items[1].licenses");
        }

        @Test
        void bundleLicensesCount() {
            assertRejected(order("big").bundle(true).item(keyLicenses("BUN", 5_000, n -> sub("KEY")))
                    .item(keyLicenses("BUN", 5_000, n -> sub("KEY"))), ErrorCode.TOO_MANY_LICENSES, "items[1].licenses");
        }

        @Test
        void exactlyTenThousandAreCreated() {
            OrderResult result = create(order("max").item(keyLicenses("KEY", 10_000, n -> key(null))));
            assertThat(result.order().items().get(0).licenses()).hasSize(10_000);
        }

        @Test
        void theLimitHoldsForJsonRequestsToo() {
            StringBuilder body = new StringBuilder("{\"id\": \"big\", \"items\": [{\"product_code\": \"KEY\", \"licenses\": [");
            for (int n = 0; n <= 10_000; n++) {
                body.append(n == 0 ? "{}" : ",{}");
            }
            body.append("]}]}");
            assertThatThrownBy(() -> engine.createOrderJson(COMPANY, body.toString()))
                    .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.errors())
                            .extracting(LicensingError::code, LicensingError::field)
                            .containsExactly(tuple(ErrorCode.TOO_MANY_LICENSES, "items[0].licenses")));
        }

        /**
         * A 4 MiB body of a million empty licenses, or of 200,000 one-license items, is refused from its token stream:
         * its JSON tree alone would take hundreds of megabytes (a black-box run ran out of a 256 MB heap on it).
         */
        @Test
        void aHugeJsonRequestIsRefusedWithoutBuildingItsTree() {
            StringBuilder empty = new StringBuilder("{\"id\": \"huge\", \"items\": [{\"product_code\": \"KEY\", \"licenses\": [");
            StringBuilder items = new StringBuilder("{\"id\": \"huge\", \"items\": [");
            for (int n = 0; n < 1_000_000; n++) {
                empty.append(n == 0 ? "{}" : ",{}");
                if (n < 200_000) {
                    items.append(n == 0 ? "" : ",").append("{\"licenses\":[{}]}");
                }
            }
            empty.append("]}]}");
            items.append("]}");
            for (String[] body : new String[][] {{empty.toString(), "items[0].licenses"},
                    {items.toString(), "items[10000].licenses"}}) {
                long before = allocatedBytes();
                assertThatThrownBy(() -> engine.createOrderJson(COMPANY, body[0]))
                        .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.errors())
                                .extracting(LicensingError::code, LicensingError::field)
                                .containsExactly(tuple(ErrorCode.TOO_MANY_LICENSES, body[1])));
                assertThat(allocatedBytes() - before).as("bytes allocated refusing it").isLessThan(64L << 20);
            }
        }

        private long allocatedBytes() {
            return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                    .getThreadAllocatedBytes(Thread.currentThread().getId());
        }
    }

    /**
     * Issue 15 item 7, DESIGN §3 "Retried deliveries": a webhook retried under its idempotency key gets the first
     * response again ({@code new_passwords} empty, a {@code replayed} warning) and writes nothing, on any engine of the
     * store, for 30 days by the engine's clock; the same key with another request is {@code idempotency_key_reused}.
     */
    @Nested
    class RetriedDeliveries {
        private static final LicenseSpringJson WIRE = new LicenseSpringJson(false);
        /** A new user (so a password), a given key and metadata. */
        private static final String BODY = "{\"id\": \"w-1\", \"metadata\": \"{\\\"a\\\": 1, \\\"b\\\": 2}\", "
                + "\"items\": [{\"product_code\": \"USR\", \"licenses\": [{\"users\": [{\"email\": \"lena@example.de\"}]}]}, "
                + "{\"product_code\": \"KEY\", \"licenses\": [{\"key\": \"WH-1\", \"metadata\": {\"x\": 1, \"y\": [1, 2]}}]}]}";
        /** The same request: other white space, members in another order, the metadata's members too. */
        private static final String SAME_BODY_RESHAPED = """
                {
                  "items": [
                    {"licenses": [{"users": [{"email": "lena@example.de"}]}], "product_code": "USR"},
                    {"licenses": [{"metadata": {"y": [1, 2], "x": 1}, "key": "WH-1"}], "product_code": "KEY"}
                  ],
                  "metadata": "{\\"b\\": 2, \\"a\\": 1}",
                  "id": "w-1"
                }
                """;
        private static final String APPEND = "{\"id\": \"w-1\", \"append\": true, \"items\": [{\"product_code\": "
                + "\"KEY\", \"licenses\": [{}, {}]}]}";

        /** What a replay must answer: the first response exactly, its passwords aside. */
        private static String withoutPasswords(OrderResult first) {
            return WIRE.writeResult(new OrderResult(first.order(), List.of(), List.of()), true);
        }

        private void assertReplayed(OrderResult replay, OrderResult first) {
            assertThat(WIRE.writeResult(replay, true)).isEqualTo(withoutPasswords(first));
            assertThat(replay.newPasswords()).isEmpty();
            assertThat(replay.replayed()).isTrue();
            assertThat(replay.warnings()).filteredOn(Warning::replayed).hasSize(1);
        }

        private Map<String, User> usersNamedLena() {
            return store.read(r -> r.findUsers(COMPANY, List.of("lena@example.de")));
        }

        private Optional<dev.licensing.api.model.Order> stored(String orderId) {
            return engine.findOrder(COMPANY, orderId);
        }

        @Test
        void aRetryAnswersTheFirstResponseAgainAndWritesNothing() {
            OrderResult first = engine.createOrderJson(COMPANY, BODY, "delivery-1");
            assertThat(first.newPasswords()).hasSize(1);
            assertThat(first.replayed()).isFalse();
            assertThat(first.warnings()).isEmpty();
            var before = stored("w-1").orElseThrow();
            Map<String, User> users = usersNamedLena();

            OrderResult replay = engine.createOrderJson(COMPANY, BODY, "delivery-1");

            assertReplayed(replay, first);
            assertThat(WIRE.writeResult(first, true).replaceFirst(
                    "\"new_passwords\" : \\[[^\\]]*\\]", "\"new_passwords\" : [ ]"))
                    .as("byte for byte the first response but new_passwords")
                    .isEqualTo(WIRE.writeResult(replay, true));
            assertThat(stored("w-1")).contains(before);
            assertThat(usersNamedLena()).isEqualTo(users);
        }

        @Test
        void anAppendRetriedOnceAddsOnce() {
            engine.createOrderJson(COMPANY, BODY);
            OrderResult first = engine.createOrderJson(COMPANY, APPEND, "append-1");
            OrderResult retry = engine.createOrderJson(COMPANY, APPEND, "append-1");

            assertReplayed(retry, first);
            assertThat(first.order().items()).hasSize(1);
            assertThat(stored("w-1").orElseThrow().items()).hasSize(3);
        }

        @Test
        void aReplayListsOnlyWhatItsRequestCreatedEvenAfterLaterAppends() {
            OrderResult first = engine.createOrderJson(COMPANY, BODY, "delivery-1");
            OrderResult appended = engine.createOrderJson(COMPANY, APPEND, "append-1");
            engine.createOrderJson(COMPANY, APPEND);

            assertReplayed(engine.createOrderJson(COMPANY, BODY, "delivery-1"), first);
            assertReplayed(engine.createOrderJson(COMPANY, APPEND, "append-1"), appended);
            assertThat(stored("w-1").orElseThrow().items()).hasSize(4);
        }

        @Test
        void whiteSpaceAndMemberOrderDoNotMakeAnotherRequest() {
            OrderResult first = engine.createOrderJson(COMPANY, BODY, "delivery-1");
            assertReplayed(engine.createOrderJson(COMPANY, SAME_BODY_RESHAPED, "delivery-1"), first);
            assertReplayed(engine.createOrderJson(COMPANY, SAME_BODY_RESHAPED.getBytes(StandardCharsets.UTF_8),
                    "delivery-1"), first);
        }

        @Test
        void aJavaRequestAndTheBodyThatDecodesToItAreOneRequest() {
            OrderRequest request = order("j-1").item(item("KEY").license(key("JK-1"))).build();
            OrderResult first = engine.createOrder(COMPANY, request, "java-1");
            String body = "{\"id\": \"j-1\", \"items\": [{\"product_code\": \"KEY\", \"licenses\": [{\"key\": \"JK-1\"}]}]}";
            assertReplayed(engine.createOrderJson(COMPANY, body, "java-1"), first);
            assertReplayed(engine.createOrder(COMPANY, request, "java-1"), first);
        }

        @Test
        void theSameKeyWithAnotherRequestIsRefusedAndWritesNothing() {
            engine.createOrderJson(COMPANY, APPEND.replace("\"append\": true, ", ""), "k-1");
            var before = stored("w-1").orElseThrow();
            for (String other : List.of(BODY.replace("w-1", "w-2"), APPEND, APPEND.replace("{}, {}", "{}"))) {
                assertThatThrownBy(() -> engine.createOrderJson(COMPANY, other, "k-1"))
                        .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.errors())
                                .extracting(LicensingError::code, LicensingError::field)
                                .containsExactly(tuple(ErrorCode.IDEMPOTENCY_KEY_REUSED, "idempotency_key")));
            }
            assertThat(stored("w-1")).contains(before);
            assertThat(stored("w-2")).isEmpty();
            Set<String> keys = store.read(r -> r.existingKeys(COMPANY, List.of("WH-1")));
            assertThat(keys).isEmpty();
        }

        @Test
        void aKeyIsKeptThirtyDaysByTheEnginesClockThenIsNewAgain() {
            engine.createOrderJson(COMPANY, BODY);
            OrderResult first = engine.createOrderJson(COMPANY, APPEND, "append-1");
            Instant kept = NOW;

            assertReplayed(engine(kept.plus(Duration.ofDays(30))).createOrderJson(COMPANY, APPEND, "append-1"), first);
            assertThatThrownBy(() -> engine(kept.plus(Duration.ofDays(30)))
                    .createOrderJson(COMPANY, APPEND.replace("{}, {}", "{}"), "append-1"))
                    .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.errors())
                            .extracting(LicensingError::code).containsExactly(ErrorCode.IDEMPOTENCY_KEY_REUSED));
            assertThat(stored("w-1").orElseThrow().items()).hasSize(3);

            LicenseEngine later = engine(kept.plus(Duration.ofDays(30)).plusMillis(1));
            OrderResult again = later.createOrderJson(COMPANY, APPEND.replace("{}, {}", "{}"), "append-1");
            assertThat(again.replayed()).isFalse();
            assertThat(stored("w-1").orElseThrow().items()).hasSize(4);
            assertReplayed(later.createOrderJson(COMPANY, APPEND.replace("{}, {}", "{}"), "append-1"), again);
        }

        @Test
        void theKeyAndTheOrderCommitTogetherOrNotAtAll() {
            engine.createOrderJson(COMPANY, BODY);
            LicenseEngine failing = LicenseEngine.builder(FaultInjectingStore.failingKeep(store, 1))
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC)).random(new Random(42)).build();
            assertThatThrownBy(() -> failing.createOrderJson(COMPANY, APPEND, "append-1"))
                    .isInstanceOf(StoreException.class);
            assertThat(stored("w-1").orElseThrow().items()).as("the append rolled back with its key").hasSize(2);
            Optional<KeptIdempotencyKey> kept = store.read(reader -> reader.findIdempotencyKey(COMPANY, "append-1"));
            assertThat(kept).isEmpty();

            OrderResult first = engine.createOrderJson(COMPANY, APPEND, "append-1");
            assertThat(first.replayed()).isFalse();
            assertReplayed(engine.createOrderJson(COMPANY, APPEND, "append-1"), first);
            assertThat(stored("w-1").orElseThrow().items()).hasSize(3);
        }

        @Test
        void aReplayReportsThisRequestsIgnoredFieldsThenReplayed() {
            LicenseEngine lenient = LicenseEngine.builder(store).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .random(new Random(42)).ignoreUnknownFields(true).build();
            OrderResult first = lenient.createOrderJson(COMPANY, BODY, "delivery-1");
            OrderResult replay = lenient.createOrderJson(COMPANY, BODY.replace("{\"id\"", "{\"vendor\": 1, \"id\""),
                    "delivery-1");

            assertReplayed(replay, first);
            assertThat(replay.warnings()).extracting(Warning::field).containsExactly("vendor", Warning.REPLAYED);
        }

        @Test
        void aReplayDoesNotDependOnTheCatalogAsItIsNow() {
            OrderResult first = engine.createOrderJson(COMPANY, BODY, "delivery-1");
            engine.replaceCatalog(COMPANY, new Catalog(List.of(), List.of(), List.of()));
            assertReplayed(engine.createOrderJson(COMPANY, BODY, "delivery-1"), first);
        }

        @Test
        void eachCompanyHasItsOwnKeys() {
            engine.replaceCatalog("other", EngineTestCatalog.catalog());
            engine.createOrderJson(COMPANY, BODY, "delivery-1");
            OrderResult other = engine.createOrderJson("other", APPEND.replace("\"append\": true, ", ""), "delivery-1");
            assertThat(other.replayed()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "k\u00a01", "k 1", "\u200bk", "k\t1"})
        void anInvalidKeyIsAValidationErrorAndWritesNothing(String key) {
            assertInvalidKey(key);
        }

        @Test
        void aKeyHasAtMost255Characters() {
            assertInvalidKey("k".repeat(256));
            assertThat(engine.createOrderJson(COMPANY, BODY, "k".repeat(255)).replayed()).isFalse();
        }

        private void assertInvalidKey(String key) {
            assertThatThrownBy(() -> engine.createOrderJson(COMPANY, BODY, key))
                    .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.errors())
                            .extracting(LicensingError::code, LicensingError::field)
                            .containsExactly(tuple(ErrorCode.VALIDATION_ERROR, "idempotency_key")));
            assertThatThrownBy(() -> engine.createOrderJson(COMPANY, "{\"items\": []}", key))
                    .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.errors())
                            .extracting(LicensingError::code, LicensingError::field)
                            .contains(tuple(ErrorCode.REQUIRED_FIELD, "id"),
                                    tuple(ErrorCode.VALIDATION_ERROR, "idempotency_key")));
            assertThat(stored("w-1")).isEmpty();
        }

        @Test
        void racingRequestsWithOneKeyWriteOnceAndTheOthersReplay() throws Exception {
            engine.createOrderJson(COMPANY, BODY);
            int racers = 8;
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                CyclicBarrier start = new CyclicBarrier(racers);
                List<Future<OrderResult>> answers = new ArrayList<>();
                for (int n = 0; n < racers; n++) {
                    LicenseEngine racer = engine(NOW);
                    answers.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return racer.createOrderJson(COMPANY, APPEND, "race-1");
                    }));
                }
                List<OrderResult> results = new ArrayList<>();
                for (Future<OrderResult> answer : answers) {
                    results.add(answer.get(60, TimeUnit.SECONDS));
                }
                assertThat(results).filteredOn(result -> !result.replayed()).hasSize(1);
                OrderResult written = results.stream().filter(result -> !result.replayed()).findFirst().orElseThrow();
                results.stream().filter(OrderResult::replayed).forEach(replay -> assertReplayed(replay, written));
                assertThat(stored("w-1").orElseThrow().items()).hasSize(3);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Runs an import of these bytes through the engine's byte API, in batches of {@code batchSize}. */
    private ImportRun importBytes(byte[] bytes, int batchSize) {
        List<ImportOutcome> heard = new ArrayList<>();
        ImportSummary summary = engine.importOrders(COMPANY, new ByteArrayInputStream(bytes),
                ImportOptions.defaults().withBatchSize(batchSize), heard::add);
        return new ImportRun(heard, summary);
    }

    private record ImportRun(List<ImportOutcome> outcomes, ImportSummary summary) {
        ImportOutcome at(long line) {
            return outcomes.stream().filter(o -> o.line() == line).findFirst().orElseThrow();
        }
    }

    private static String keyed(String id) {
        return "{\"id\": \"" + id + "\", \"items\": [{\"product_code\": \"KEY\", \"licenses\": [{}]}]}";
    }

    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] b = part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.UTF_8);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Nested
    class MessyImportFiles {
        @ParameterizedTest
        @ValueSource(ints = {1, 2, 1000})
        void aLineThatIsNotUtf8IsRejectedAloneAsInvalidEncodingAndTheImportGoesOn(int batchSize) {
            // Line 2 was saved as Windows-1252: its é is the lone byte 0xE9.
            byte[] file = bytes(keyed("b-1"), "\n",
                    "{\"id\": \"b-2\", \"customer\": {\"first_name\": \"Ren", new byte[]{(byte) 0xE9},
                    "\"}, \"items\": [{\"product_code\": \"KEY\", \"licenses\": [{}]}]}\n",
                    keyed("b-3"), "\n");

            ImportRun run = importBytes(file, batchSize);

            assertThat(run.outcomes()).extracting(ImportOutcome::line).containsExactly(1L, 2L, 3L);
            assertThat(run.at(2)).isInstanceOfSatisfying(ImportOutcome.Rejected.class, r -> {
                assertThat(r.orderId()).isNull();
                assertThat(r.errors()).singleElement().satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ENCODING);
                    assertThat(e.field()).isNull();
                    assertThat(e.message()).contains("0xE9");
                });
            });
            assertThat(run.summary().created()).isEqualTo(2);
            assertThat(engine.findOrder(COMPANY, "b-3")).isPresent();
            assertThat(engine.findOrder(COMPANY, "b-2")).isEmpty();
        }

        @Test
        void aByteOrderMarkBeforeLineOneIsSkippedAndCrlfLineEndsAreFine() {
            ImportRun run = importBytes(bytes(BOM, keyed("m-1"), "\r\n", keyed("m-2"), "\r\n", "\r\n",
                    keyed("m-4"), "\r\n"), 1000);

            assertThat(run.summary().created()).isEqualTo(3);
            assertThat(run.summary().rejected()).isZero();
            assertThat(run.outcomes()).extracting(ImportOutcome::line).containsExactly(1L, 2L, 4L);
        }

        @Test
        void aByteOrderMarkBeforeLineOneIsSkippedOnTheLinesApiToo() {
            List<ImportOutcome> heard = new ArrayList<>();
            engine.importOrders(COMPANY, List.of("\ufeff" + keyed("t-1"), keyed("t-2")).iterator(),
                    ImportOptions.defaults(), heard::add);
            assertThat(heard).allSatisfy(o -> assertThat(o).isInstanceOf(ImportOutcome.Created.class));
        }

        @Test
        void aCutOffLastLineIsAnOrdinaryRejectedLine() {
            byte[] cutInsideJson = bytes(keyed("c-1"), "\n", keyed("c-2").substring(0, 30));
            ImportRun run = importBytes(cutInsideJson, 1000);
            assertThat(run.summary().created()).isEqualTo(1);
            assertThat(run.at(2)).isInstanceOfSatisfying(ImportOutcome.Rejected.class, r ->
                    assertThat(r.errors()).extracting(LicensingError::code).containsExactly(ErrorCode.INVALID_JSON));

            // Cut inside a two-byte UTF-8 sequence: the last byte is the first half of an é.
            byte[] cutInsideCharacter = bytes(keyed("d-1"), "\n", "{\"id\": \"d-2\", \"note\": \"caf",
                    new byte[]{(byte) 0xC3});
            ImportRun cut = importBytes(cutInsideCharacter, 1000);
            assertThat(cut.summary().created()).isEqualTo(1);
            assertThat(cut.at(2)).isInstanceOfSatisfying(ImportOutcome.Rejected.class, r ->
                    assertThat(r.errors()).extracting(LicensingError::code)
                            .containsExactly(ErrorCode.INVALID_ENCODING));
        }

        @Test
        void anyByteValueAnywhereNeverEndsAnImport() {
            Random random = new Random(15);
            java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
            for (int n = 0; n < 200; n++) {
                byte[] garbage = new byte[random.nextInt(40)];
                random.nextBytes(garbage);
                file.writeBytes(garbage);
                file.writeBytes(("\n" + keyed("g-" + n) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            ImportRun run = importBytes(file.toByteArray(), 50);
            assertThat(run.summary().created()).isEqualTo(200);
            assertThat(run.summary().read()).isEqualTo(run.summary().created() + run.summary().rejected());
        }
    }

    @Nested
    class ImportDurability {
        @Test
        void aListenerThatCannotKeepABatchRollsItBackAndTheBatchesBeforeStayCommitted() {
            List<String> lines = List.of(keyed("f-1"), keyed("f-2"), keyed("f-3"), keyed("f-4"), keyed("f-5"));
            List<ImportOutcome> heard = new ArrayList<>();
            int[] flushes = {0};
            ImportListener failingSecondBatch = new ImportListener() {
                @Override
                public void onOutcome(ImportOutcome outcome) {
                    heard.add(outcome);
                }

                @Override
                public void flush() {
                    if (++flushes[0] == 3) {
                        throw new UncheckedIOException(new IOException("No space left on device"));
                    }
                }
            };

            assertThatThrownBy(() -> engine.importOrders(COMPANY, lines.iterator(),
                    ImportOptions.defaults().withBatchSize(2), failingSecondBatch))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("No space left on device");

            // Flush 1 is batch 1's before its commit, 2 its end, 3 batch 2's before its commit: batch 2 rolled back.
            assertThat(engine.findOrder(COMPANY, "f-1")).isPresent();
            assertThat(engine.findOrder(COMPANY, "f-2")).isPresent();
            assertThat(engine.findOrder(COMPANY, "f-3")).isEmpty();
            assertThat(engine.findOrder(COMPANY, "f-4")).isEmpty();
            assertThat(heard).extracting(ImportOutcome::line).containsExactly(1L, 2L, 3L, 4L);
        }

        @Test
        void everyCreatedOrderIsHeardAndFlushedBeforeItsBatchCommits() {
            List<String> lines = List.of(keyed("h-1"), "oops", keyed("h-3"), keyed("h-4"));
            List<String> order = new ArrayList<>();
            LicenseStore watching = new CommitWatchingStore(store, () -> order.add("commit"));
            LicenseEngine watched = LicenseEngine.builder(watching).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .random(new Random(1)).build();
            watched.importOrders(COMPANY, lines.iterator(), ImportOptions.defaults().withBatchSize(3),
                    new ImportListener() {
                        @Override
                        public void onOutcome(ImportOutcome outcome) {
                            order.add("line " + outcome.line());
                        }

                        @Override
                        public void flush() {
                            order.add("flush");
                        }
                    });
            assertThat(order).containsExactly("line 1", "line 2", "line 3", "flush", "commit", "flush",
                    "line 4", "flush", "commit", "flush");
        }

        @Test
        void aBatchAlsoEndsOnceItsOrdersAskForTenThousandLicensesSoMemoryStaysBounded() {
            String licenses = String.join(",", java.util.Collections.nCopies(5_000, "{}"));
            List<String> lines = new ArrayList<>();
            // Lines are decoded up to one batch ahead of the batch being settled: batches [1, 2] and [3, 4], so line 5
            // is read only once batch [1, 2] is settled and heard (and batch [3, 4] may be settling meanwhile).
            for (int n = 1; n <= 5; n++) {
                lines.add("{\"id\": \"w-" + n + "\", \"items\": [{\"product_code\": \"KEY\", \"licenses\": ["
                        + licenses + "]}]}");
            }
            // Heard on the settling thread, read on the reading thread.
            List<ImportOutcome> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Long> heardWhenLineFiveWasRead = new ArrayList<>();
            java.util.Iterator<String> source = lines.iterator();
            java.util.Iterator<String> watched = new java.util.Iterator<>() {
                private int read;

                @Override
                public boolean hasNext() {
                    return source.hasNext();
                }

                @Override
                public String next() {
                    if (++read == 5) {
                        heard.forEach(o -> heardWhenLineFiveWasRead.add(o.line()));
                    }
                    return source.next();
                }
            };
            ImportSummary summary = engine.importOrders(COMPANY, watched, ImportOptions.defaults(), heard::add);
            assertThat(heardWhenLineFiveWasRead).startsWith(1L, 2L);
            assertThat(summary.created()).isEqualTo(5);
        }

        @Test
        void aStopRequestSettlesTheLinesAlreadyReadAndReadsNoMore() {
            List<String> lines = List.of(keyed("s-1"), keyed("s-2"), keyed("s-3"), keyed("s-4"), keyed("s-5"));
            List<ImportOutcome> heard = new ArrayList<>();
            int[] asked = {0};
            ImportSummary summary = engine.importOrders(COMPANY, lines.iterator(),
                    ImportOptions.defaults().withBatchSize(2), new ImportListener() {
                        @Override
                        public void onOutcome(ImportOutcome outcome) {
                            heard.add(outcome);
                        }

                        @Override
                        public boolean stopRequested() {
                            return ++asked[0] > 3;
                        }
                    });
            assertThat(summary.created()).isEqualTo(3);
            assertThat(heard).extracting(ImportOutcome::orderId).containsExactly("s-1", "s-2", "s-3");
            assertThat(engine.findOrder(COMPANY, "s-3")).isPresent();
            assertThat(engine.findOrder(COMPANY, "s-4")).isEmpty();
        }
    }

    /** A store that notes each commit of a write transaction: after {@code inTransaction} returned. */
    private record CommitWatchingStore(LicenseStore delegate, Runnable onCommit) implements LicenseStore {
        @Override
        public boolean serializesWriters() {
            return delegate.serializesWriters();
        }

        @Override
        public <T> T inTransaction(Function<StoreTransaction, T> work) {
            T result = delegate.inTransaction(work);
            onCommit.run();
            return result;
        }

        @Override
        public <T> T read(Function<StoreReader, T> work) {
            return delegate.read(work);
        }

        @Override
        public Optional<Catalog> catalog(String company) {
            return delegate.catalog(company);
        }

        @Override
        public void replaceCatalog(String company, Catalog catalog) {
            delegate.replaceCatalog(company, catalog);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
