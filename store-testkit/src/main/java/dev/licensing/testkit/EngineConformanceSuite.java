package dev.licensing.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.CustomFieldType;
import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicenseType;
import dev.licensing.api.LicensingError;
import dev.licensing.api.OrderRejectedException;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.LicenseCustomField;
import dev.licensing.api.model.LicenseFeature;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderResult;
import dev.licensing.api.model.User;
import dev.licensing.api.order.CustomFieldRequest;
import dev.licensing.api.order.CustomerRequest;
import dev.licensing.api.order.FeatureRequest;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.api.order.UserRequest;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.StoreException;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.OrderOutcome;
import dev.licensing.core.wire.LicenseSpringJson;
import dev.licensing.core.wire.InvalidCatalogException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static dev.licensing.testkit.EngineTestCatalog.ACCOUNT_ID;
import static dev.licensing.testkit.EngineTestCatalog.CF_DATE_ID;
import static dev.licensing.testkit.EngineTestCatalog.CF_NUMBER_ID;
import static dev.licensing.testkit.EngineTestCatalog.CF_TEXT_ID;
import static dev.licensing.testkit.EngineTestCatalog.F1_ID;
import static dev.licensing.testkit.EngineTestCatalog.F2_ID;
import static dev.licensing.testkit.EngineTestCatalog.OTHER_ACCOUNT_ID;
import static dev.licensing.testkit.EngineTestCatalog.OTHER_ID;
import static dev.licensing.testkit.EngineTestCatalog.POLICY_A_ID;
import static dev.licensing.testkit.EngineTestCatalog.USR_STD_ID;
import static dev.licensing.testkit.TestOrders.featureProps;
import static dev.licensing.testkit.TestOrders.item;
import static dev.licensing.testkit.TestOrders.key;
import static dev.licensing.testkit.TestOrders.order;
import static dev.licensing.testkit.TestOrders.sub;
import static dev.licensing.testkit.TestOrders.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The engine's order rules (DESIGN §2 and §3) through its public API, on a real store: each store module runs it from
 * its test sources. Every rejection is checked for its code, its field path, and a store left as it was.
 */
public abstract class EngineConformanceSuite {
    protected static final String COMPANY = "acme";
    protected static final Instant NOW = Instant.parse("2025-03-25T10:00:00Z");
    protected static final long SEED = 42;

    private static final LicenseSpringJson WIRE = new LicenseSpringJson(false);

    protected LicenseStore store;
    protected LicenseEngine engine;

    /** A fresh, empty store. */
    protected abstract LicenseStore openStore();

    @BeforeEach
    void setUpEngine() {
        store = openStore();
        engine = engine(store, SEED);
        engine.replaceCatalog(COMPANY, EngineTestCatalog.catalog());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static LicenseEngine engine(LicenseStore store, long seed) {
        return LicenseEngine.builder(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).random(new Random(seed)).build();
    }

    protected OrderResult create(TestOrders.OrderBuilder request) {
        return schemaChecked(engine.createOrder(COMPANY, request.build()));
    }

    /** Every response the engine produces in this suite must fit the corrected response schema of its kind. */
    protected static OrderResult schemaChecked(OrderResult result) {
        ResponseSchemas.assertValidResponse(WIRE.writeResult(result, false), result.order().bundle());
        return result;
    }

    protected static License onlyLicense(OrderResult result) {
        assertThat(result.order().items()).hasSize(1);
        assertThat(result.order().items().get(0).licenses()).hasSize(1);
        return result.order().items().get(0).licenses().get(0);
    }

    /** Asserts the request is rejected with (at least) this error and that the store is unchanged. */
    protected List<LicensingError> assertRejected(TestOrders.OrderBuilder builder, ErrorCode code, String field) {
        OrderRequest request = builder.build();
        Snapshot before = snapshot(request);
        List<LicensingError> errors = new ArrayList<>();
        assertThatThrownBy(() -> engine.createOrder(COMPANY, request))
                .isInstanceOfSatisfying(OrderRejectedException.class, e -> errors.addAll(e.errors()));
        assertThat(errors).extracting(LicensingError::code, LicensingError::field).contains(tuple(code, field));
        assertThat(snapshot(request)).isEqualTo(before);
        return errors;
    }

    /** What the store holds about a request: its order, its keys, its users and its customer. */
    protected record Snapshot(Optional<Order> order, Set<String> keys, Map<String, User> users,
                              Map<String, Customer> customers) {
    }

    protected Snapshot snapshot(OrderRequest request) {
        // A bundle order's item carries its bundle license's key and users.
        List<String> keys = request.items().stream()
                .flatMap(i -> Stream.concat(Stream.of(i.key()), i.licenses().stream().map(l -> l.key())))
                .filter(k -> k != null).toList();
        List<String> emails = request.items().stream()
                .flatMap(i -> Stream.concat(Stream.of(i.users()), i.licenses().stream().map(l -> l.users())))
                .flatMap(users -> users == null ? Stream.empty() : users.stream())
                .map(UserRequest::email).filter(e -> e != null).toList();
        List<String> customerEmails = request.customer() == null || request.customer().email() == null ? List.of()
                : List.of(request.customer().email());
        return store.read(r -> new Snapshot(
                request.id() == null ? Optional.empty() : r.findOrder(COMPANY, request.id()),
                r.existingKeys(COMPANY, keys), r.findUsers(COMPANY, emails),
                r.findCustomersByEmail(COMPANY, customerEmails)));
    }

    private static TestOrders.OrderBuilder oneKeyLicense(String id, TestOrders.LicenseBuilder license) {
        return order(id).item(item("KEY").license(license));
    }

    @Nested
    class RequestStructure {
        @Test
        void anOrderIdIsRequired() {
            assertRejected(oneKeyLicense(null, key(null)), ErrorCode.REQUIRED_FIELD, "id");
        }

        @Test
        void aBlankOrderIdIsRefused() {
            assertRejected(oneKeyLicense("  ", key(null)), ErrorCode.VALIDATION_ERROR, "id");
        }

        @Test
        void anOrderWithoutItemsIsRefused() {
            assertRejected(order("o1"), ErrorCode.VALIDATION_ERROR, "items");
        }

        @Test
        void anItemWithoutLicensesIsRefused() {
            assertRejected(order("o1").item(item("KEY")), ErrorCode.VALIDATION_ERROR, "items[0].licenses");
        }

        @Test
        void orderTypeIsOnlyNormal() {
            assertRejected(oneKeyLicense("o1", key(null)).orderType("rush"), ErrorCode.INVALID_VALUE, "order_type");
            assertThat(create(oneKeyLicense("o2", key(null)).orderType("normal")).order().orderType())
                    .isEqualTo("normal");
        }

        @Test
        void orderMetadataIsAStringHoldingAJsonObject() {
            assertRejected(oneKeyLicense("o1", key(null)).metadata("{ \"some_key\": "), ErrorCode.VALIDATION_ERROR,
                    "metadata");
            assertRejected(oneKeyLicense("o1", key(null)).metadata("[1, 2]"), ErrorCode.VALIDATION_ERROR, "metadata");
            assertThat(create(oneKeyLicense("o1", key(null)).metadata("{\"some_key\": \"some_value\"}")).order()
                    .metadata()).isEqualTo("{\"some_key\": \"some_value\"}");
        }

        @Test
        void everyViolationIsReportedNotOnlyTheFirst() {
            List<LicensingError> errors = assertRejected(order("o1")
                    .item(item("NOPE").license(key(null)))
                    .item(item("KEY").license(key(null).with("validDuration", "1w")))
                    .item(item("USR").license(key("K"))), ErrorCode.UNKNOWN_PRODUCT, "items[0].product_code");
            assertThat(errors).extracting(LicensingError::field).contains("items[1].licenses[0].valid_duration",
                    "items[2].licenses[0].key", "items[2].licenses[0].users");
        }
    }

    @Nested
    class CatalogRules {
        @Test
        void aCompanyWithoutACatalogIsCatalogMissing() {
            OrderRequest request = oneKeyLicense("o1", key(null)).build();
            assertThatThrownBy(() -> engine.createOrder("no-catalog", request))
                    .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.errors())
                            .extracting(LicensingError::code).containsExactly(ErrorCode.CATALOG_MISSING));
            assertThat(engine.findOrder("no-catalog", "o1")).isEmpty();
        }

        @Test
        void anUnknownProductIsUnknownProductAtItsCode() {
            assertRejected(order("o1").item(item("NOPE").license(key(null))), ErrorCode.UNKNOWN_PRODUCT,
                    "items[0].product_code");
        }

        @Test
        void replaceCatalogRefusesAnInconsistentCatalogAndKeepsTheOldOne() {
            Catalog broken = new Catalog(List.of(new Product(1, "X", "X", null, "missing", null, null, null,
                    List.of("Y"))), null, null);
            assertThatThrownBy(() -> engine.replaceCatalog(COMPANY, broken))
                    .isInstanceOfSatisfying(InvalidCatalogException.class, e -> assertThat(e.errors())
                            .extracting(LicensingError::code, LicensingError::field)
                            .contains(tuple(ErrorCode.INVALID_CATALOG, "products[0].bundle_products[0]"),
                                    tuple(ErrorCode.INVALID_CATALOG, "products[0].default_policy")));
            assertThat(engine.catalog(COMPANY)).contains(EngineTestCatalog.catalog());
        }

        @Test
        void replaceCatalogTakesEffectAtOnce() {
            assertThat(engine.catalog("other")).isEmpty();
            engine.replaceCatalog("other", EngineTestCatalog.catalog());
            assertThat(engine.catalog("other")).contains(EngineTestCatalog.catalog());
            OrderResult other = schemaChecked(engine.createOrder("other", oneKeyLicense("o1", key(null)).build()));
            assertThat(other.order().company()).isEqualTo("other");
        }
    }

    @Nested
    class BundleFieldsInPlainOrders {
        @Test
        void aBundleProductInAPlainOrderIsBundleMismatch() {
            assertRejected(order("o1").item(item("BUN").license(key(null))), ErrorCode.BUNDLE_MISMATCH,
                    "items[0].product_code");
        }

        @Test
        void itemLevelKeyAndUsersBelongToBundleOrders() {
            assertRejected(order("o1").item(item("KEY").key("K-1").license(key(null))), ErrorCode.VALIDATION_ERROR,
                    "items[0].key");
            assertRejected(order("o1").item(item("USR").users("a@b.com").license(users("c@d.com"))),
                    ErrorCode.VALIDATION_ERROR, "items[0].users");
        }

        @Test
        void aLicenseNamesItsProductOnlyInBundleOrders() {
            assertRejected(oneKeyLicense("o1", key(null).productCode("KEY")), ErrorCode.VALIDATION_ERROR,
                    "items[0].licenses[0].product_code");
        }
    }

    @Nested
    class BundleOrders {
        private final LicenseSpringJson json = new LicenseSpringJson(false);

        @BeforeEach
        void bundleCatalog() {
            engine.replaceCatalog(COMPANY, BundleTestCatalog.catalog());
        }

        private TestOrders.OrderBuilder bundleOrder(String id) {
            return order(id).bundle(true);
        }

        private List<License> licensesOf(OrderResult result) {
            assertThat(result.order().items()).hasSize(1);
            return result.order().items().get(0).licenses();
        }

        private void assertValidBundleResponse(OrderResult result) {
            ResponseSchemas.assertValidResponse(json.writeResult(result, false), true);
        }

        @Test
        void aKeyBasedItemPlansIntoItsBundleLicenseThenOneSubLicensePerLicenseInRequestOrder() {
            OrderResult result = create(bundleOrder("b1").preventVm(true).item(item("lkpb").key("K-B").active(true)
                    .subscriptionId("sub-1").note("item note")
                    .license(sub("lkbp1").note("own note")).license(sub("lkbp2"))));
            assertThat(result.order().bundle()).isTrue();
            assertThat(result.order().items().get(0).productId()).isEqualTo(BundleTestCatalog.LKPB_ID);
            List<License> licenses = licensesOf(result);
            assertThat(licenses).extracting(License::productCode).containsExactly("lkpb", "lkbp1", "lkbp2");
            License bundle = licenses.get(0);
            assertThat(bundle.bundle()).isTrue();
            assertThat(bundle.bundleLicenseId()).isNull();
            assertThat(bundle.key()).isEqualTo("K-B");
            assertThat(licenses.subList(1, 3)).allSatisfy(subLicense -> {
                assertThat(subLicense.bundle()).isFalse();
                assertThat(subLicense.bundleLicenseId()).isEqualTo(bundle.id());
                assertThat(subLicense.key()).isNull();
                assertThat(subLicense.users()).isEmpty();
                assertThat(subLicense.properties().active()).isTrue();
                assertThat(subLicense.properties().subscriptionId()).isEqualTo("sub-1");
                assertThat(subLicense.properties().preventVm()).isTrue();
            });
            assertThat(licenses).extracting(License::note).containsExactly("item note", "own note", "item note");
            assertValidBundleResponse(result);
        }

        @Test
        void theBundleLicenseResolvesEngineThenBundleProductThenItsDefaultPolicyThenOrderThenItem() {
            License bundle = licensesOf(create(bundleOrder("b1").preventVm(true)
                    .item(item("lkpb").active(true).subscriptionId("sub-1").license(sub("lkbp1"))))).get(0);
            assertThat(bundle.properties().floatingTimeout()).isEqualTo(30);
            assertThat(bundle.properties().maxActivations()).isEqualTo(4);
            assertThat(bundle.properties().isTrial()).isTrue();
            assertThat(bundle.properties().maxTransfers()).isZero();
            assertThat(bundle.properties().preventVm()).isTrue();
            assertThat(bundle.properties().active()).isTrue();
            assertThat(bundle.properties().subscriptionId()).isEqualTo("sub-1");
            assertThat(bundle.policyId()).isEqualTo(BundleTestCatalog.SUITE_POLICY_ID);
            assertThat(bundle.metadata()).isEqualTo("{\"from\":\"suite\"}");
            assertThat(bundle.features()).isEmpty();
            assertThat(bundle.customFields()).isEmpty();
            assertThat(bundle.note()).isNull();
        }

        @Test
        void aSubLicenseResolvesAsALicenseOfItsOwnProductWithItsFeaturesAndCustomFields() {
            List<License> licenses = licensesOf(create(bundleOrder("b1").item(item("lkpb")
                    .license(sub("lkbp1"))
                    .license(sub("lkbp1").policy("pro").with("maxActivations", 20)))));
            License byDefault = licenses.get(1);
            assertThat(byDefault.productId()).isEqualTo(BundleTestCatalog.LKBP1_ID);
            assertThat(byDefault.policyId()).isEqualTo(BundleTestCatalog.LKBP1_DFTLP_ID);
            assertThat(byDefault.properties().maxActivations()).isEqualTo(3);
            assertThat(byDefault.properties().trialDays()).isEqualTo(1);
            assertThat(byDefault.properties().isTrial()).isFalse();
            assertThat(byDefault.features()).extracting(LicenseFeature::productFeatureId,
                    f -> f.properties().maxConsumption()).containsExactly(tuple(BundleTestCatalog.X1_ID, 12L));
            assertThat(byDefault.customFields()).extracting(LicenseCustomField::productCustomFieldId,
                    LicenseCustomField::value).containsExactly(tuple(BundleTestCatalog.SEATS_ID, "1"));
            License pro = licenses.get(2);
            assertThat(pro.policyId()).isEqualTo(BundleTestCatalog.LKBP1_PRO_ID);
            assertThat(pro.properties().licenseType()).isEqualTo(LicenseType.TIME_LIMITED);
            assertThat(pro.properties().validDuration()).isEqualTo("1y");
            assertThat(pro.properties().maxActivations()).isEqualTo(20);
            assertThat(pro.metadata()).isEqualTo("{\"tier\":\"pro\"}");
            assertThat(pro.features()).isEmpty();
            assertThat(pro.customFields()).extracting(LicenseCustomField::value).containsExactly("5");
        }

        @Test
        void aKeyBasedBundleLicenseWithoutAKeyGetsAGeneratedOneAndItsSubLicensesNone() {
            List<License> licenses = licensesOf(create(bundleOrder("b1").item(item("drama")
                    .license(sub("p").policy("dftlp")).license(sub("p34").templateCode("dftlp")))));
            assertThat(licenses.get(0).key()).matches("([2-9A-HJ-NP-Z]{4}-){3}[2-9A-HJ-NP-Z]{4}");
            assertThat(licenses.subList(1, licenses.size())).extracting(License::key).containsOnlyNulls();
            assertThat(licenses.subList(1, licenses.size())).extracting(License::policyCode).containsExactly("dftlp", "dftlp");
        }

        @Test
        void aBundleKeyIsUniqueLikeAnyKey() {
            create(bundleOrder("b1").item(item("lkpb").key("K-1").license(sub("lkbp1"))));
            assertRejected(bundleOrder("b2").item(item("lkpb").key("K-1").license(sub("lkbp1"))),
                    ErrorCode.LICENSE_KEY_EXISTS, "items[0].key");
            assertRejected(bundleOrder("b3").item(item("lkpb").key("K-2").license(sub("lkbp1")))
                    .item(item("drama").key("K-2").license(sub("p").policy("dftlp"))),
                    ErrorCode.LICENSE_KEY_EXISTS, "items[1].key");
        }

        @Test
        void aUserBasedBundleLicenseHoldsTheItemsUsersAndItsSubLicensesNone() {
            OrderResult result = create(bundleOrder("b1").item(item("upb").users("a@b.com", "c@d.com")
                    .license(sub("up"))));
            List<License> licenses = licensesOf(result);
            assertThat(licenses.get(0).users()).extracting(u -> u.email()).containsExactly("a@b.com", "c@d.com");
            assertThat(licenses.get(0).key()).isNull();
            assertThat(licenses.get(1).users()).isEmpty();
            assertThat(result.newPasswords()).extracting(p -> p.email()).containsExactly("a@b.com", "c@d.com");
            assertValidBundleResponse(result);
        }

        @Test
        void aUserBasedBundleNeedsValidUsersOnTheItem() {
            assertRejected(bundleOrder("b1").item(item("upb").license(sub("up"))), ErrorCode.REQUIRED_FIELD,
                    "items[0].users");
            assertRejected(bundleOrder("b1").item(item("upb").users().license(sub("up"))), ErrorCode.REQUIRED_FIELD,
                    "items[0].users");
            assertRejected(bundleOrder("b1").item(item("upb").users("nope").license(sub("up"))),
                    ErrorCode.VALIDATION_ERROR, "items[0].users[0].email");
            assertRejected(bundleOrder("b1").item(item("upb").users("a@b.com", "A@b.com").license(sub("up"))),
                    ErrorCode.DUPLICATE_EMAIL, "items[0].users[1].email");
        }

        @Test
        void theBundlesAuthorizationMethodDecidesBetweenItemKeyAndItemUsers() {
            assertRejected(bundleOrder("b1").item(item("lkpb").users("a@b.com").license(sub("lkbp1"))),
                    ErrorCode.AUTHORIZATION_METHOD_MISMATCH, "items[0].users");
            assertRejected(bundleOrder("b1").item(item("upb").key("K-1").users("a@b.com").license(sub("up"))),
                    ErrorCode.AUTHORIZATION_METHOD_MISMATCH, "items[0].key");
            License bundle = licensesOf(create(bundleOrder("b1").item(item("lkpb").users().license(sub("lkbp1")))))
                    .get(0);
            assertThat(bundle.users()).isEmpty();
            assertThat(bundle.key()).isNotNull();
        }

        @Test
        void aBundlesLicenseCarriesNoKeyOrUsersOfItsOwn() {
            assertRejected(bundleOrder("b1").item(item("lkpb").license(sub("lkbp1").key("K-1"))),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].key");
            assertRejected(bundleOrder("b1").item(item("upb").users("a@b.com")
                    .license(sub("up").users(List.of(UserRequest.of("c@d.com"))))),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].users");
        }

        @Test
        void eachItemNamesABundleProduct() {
            assertRejected(bundleOrder("b1").item(item("p").license(sub("p").policy("dftlp"))),
                    ErrorCode.BUNDLE_MISMATCH, "items[0].product_code");
            assertRejected(bundleOrder("b1").item(item("nope").license(sub("p"))), ErrorCode.UNKNOWN_PRODUCT,
                    "items[0].product_code");
            assertRejected(order("o1").item(item("lkpb").license(key(null))), ErrorCode.BUNDLE_MISMATCH,
                    "items[0].product_code");
        }

        @Test
        void eachLicenseNamesAProductOfItsBundle() {
            assertRejected(bundleOrder("b1").item(item("lkpb").license(key(null))), ErrorCode.REQUIRED_FIELD,
                    "items[0].licenses[0].product_code");
            assertRejected(bundleOrder("b1").item(item("lkpb").license(sub("p").policy("dftlp"))),
                    ErrorCode.BUNDLE_MISMATCH, "items[0].licenses[0].product_code");
            assertRejected(bundleOrder("b1").item(item("lkpb").license(sub("nope"))), ErrorCode.UNKNOWN_PRODUCT,
                    "items[0].licenses[0].product_code");
        }

        @Test
        void eachLicenseNamesAPolicyOfItsOwnProductUnlessThatProductHasADefault() {
            assertRejected(bundleOrder("b1").item(item("drama").license(sub("p"))), ErrorCode.REQUIRED_FIELD,
                    "items[0].licenses[0].policy_code");
            assertRejected(bundleOrder("b1").item(item("drama").license(sub("p").policy("nope"))),
                    ErrorCode.UNKNOWN_POLICY, "items[0].licenses[0].policy_code");
            assertRejected(bundleOrder("b1").item(item("drama").license(sub("p").templateCode("nope"))),
                    ErrorCode.UNKNOWN_POLICY, "items[0].licenses[0].license_template_code");
            assertRejected(bundleOrder("b1").item(item("lkpb").license(sub("lkbp2").policy("pro"))),
                    ErrorCode.UNKNOWN_POLICY, "items[0].licenses[0].policy_code");
        }

        @Test
        void theItemsLicensePolicyNamesAPolicyOfTheBundleProduct() {
            assertRejected(bundleOrder("b1").item(item("lkpb").licensePolicy("dftlp").license(sub("lkbp1"))),
                    ErrorCode.UNKNOWN_POLICY, "items[0].license_policy");
            List<License> licenses = licensesOf(create(bundleOrder("b1").item(item("lkpb").licensePolicy("suite")
                    .license(sub("lkbp1")))));
            assertThat(licenses).extracting(License::policyId)
                    .containsExactly(BundleTestCatalog.SUITE_POLICY_ID, BundleTestCatalog.LKBP1_DFTLP_ID);
        }

        @Test
        void appendAddsBundleItemsToABundleOrderAndNeverMixesTheTwoKinds() {
            OrderResult first = create(bundleOrder("b1").item(item("lkpb").license(sub("lkbp1"))));
            OrderResult second = create(bundleOrder("b1").append(true).item(item("upb").users("a@b.com")
                    .license(sub("up"))));
            assertThat(second.order().id()).isEqualTo(first.order().id());
            assertThat(licensesOf(second).get(1).bundleLicenseId()).isEqualTo(licensesOf(second).get(0).id());
            assertValidBundleResponse(second);
            assertRejected(order("b1").append(true).item(item("p").license(key(null))), ErrorCode.BUNDLE_MISMATCH,
                    "is_bundle");
            create(order("o1").item(item("p").license(key(null))));
            assertRejected(bundleOrder("o1").append(true).item(item("lkpb").license(sub("lkbp1"))),
                    ErrorCode.BUNDLE_MISMATCH, "is_bundle");
            Order stored = engine.findOrder(COMPANY, "b1").orElseThrow();
            assertThat(stored.bundle()).isTrue();
            assertThat(stored.items()).extracting(i -> i.productCode()).containsExactly("lkpb", "upb");
            assertThat(engine.findOrder(COMPANY, "o1").orElseThrow().items()).hasSize(1);
        }

        @Test
        void aBundleOrderWhoseSecondSubLicenseIsInvalidWritesNothing() {
            assertRejected(bundleOrder("b1").customer(customer("c@acme.com", null))
                    .item(item("upb").users("new@b.com").license(sub("up")))
                    .item(item("lkpb").key("K-1").license(sub("lkbp1"))
                            .license(sub("lkbp2").with("validDuration", "forever"))),
                    ErrorCode.INVALID_DURATION, "items[1].licenses[1].valid_duration");
            Map<String, Customer> customers = store.read(r -> r.findCustomersByEmail(COMPANY, List.of("c@acme.com")));
            assertThat(customers).isEmpty();
        }

        @Test
        void findOrderReadsABundleOrderBackAsWrittenAndWriteOrderShowsItInTheBundleShape() throws Exception {
            OrderResult result = create(bundleOrder("b1").item(item("lkpb").key("K-B").note("n")
                    .license(sub("lkbp1")).license(sub("lkbp2"))));
            Order stored = engine.findOrder(COMPANY, "b1").orElseThrow();
            assertThat(stored).isEqualTo(result.order());
            String shown = json.writeOrder(stored, false);
            ResponseSchemas.assertValidResponse(shown, true);
            JsonNode licenses = new ObjectMapper().readTree(shown).get("order_items").get(0).get("Licenses");
            assertThat(licenses).hasSize(3);
            String bundleId = licenses.get(0).get("id").asText();
            assertThat(licenses.get(0).get("is_bundle").asBoolean()).isTrue();
            assertThat(licenses.get(0).get("license_key").asText()).isEqualTo("K-B");
            for (int j = 1; j < 3; j++) {
                assertThat(licenses.get(j).get("bundle_license_id").asText()).isEqualTo(bundleId);
                assertThat(licenses.get(j).has("license_key")).isFalse();
                assertThat(licenses.get(j).has("users")).isFalse();
            }
        }

        @Nested
        class PageExamples {
            private static final String KEY_BASED = """
                    {
                      "id": "45gvs334t3edsa",
                      "is_bundle": true,
                      "items": [
                        {
                          "product_code": "lkpb",
                          "note": "Global note for bundle lkpb",  // global note applied to all licenses if no license-level note exists
                          "key": "AAAA-AAAA-AAAA-1130",
                          "active": true,
                          "subscription_id": 12345,
                          "licenses": [
                            {
                              "product_code": "lkbp1",
                              "note": "Note for lkbp1"  // specific note for this license
                            },
                            {
                              "product_code": "lkbp2",
                              "note": "Note for lkbp2"  // specific note for this license
                            }
                          ]
                        }
                      ]
                    }""";
            private static final String USER_BASED = """
                    {
                      "id": "54yghtref45t",
                      "is_bundle": true,
                      "items": [
                        {
                          "product_code": "upb",
                          "note": "Global note for bundle upb",  // global note applied to all licenses if no license-level note exists
                          "licenses": [
                            {
                              "active": true,
                              "max_activations": 30,
                              "product_code": "up",
                              "is_trial": false,
                              "policy_code": "dftlp",
                              "note": "Specific note for this license",  // specific note overrides global note
                              "custom_fields": [
                                {
                                  "name": "customField1",
                                  "value": "abcd"
                                }
                              ]
                            }
                          ],
                          "users": [
                            {
                              "email": "someuser@mail.com",
                              "is_manager": false
                            }
                          ]
                        }
                      ]
                    }""";
            private static final String DRAMA = """
                    {
                        "id": "2cdf5739334b4688b04c4bbfb3da89618",
                        "is_bundle": true,
                        "append": false,
                        "customer": null,
                        "items": [
                            {
                                "product_code": "drama", // bundle product code
                                "key": "GP14Q-QA4Z-M6SK-CXBU",
                                "users": [],
                                "licenses": [
                                    {
                                        "policy_code": "dftlp", // the deprecated name for this attribute is "license_template_code"
                                        "product_code": "p"
                                    },
                                    {
                                        "policy_code": "dftlp",
                                        "product_code": "p34"
                                    }
                                ]
                            }
                        ],
                        "reference": ""
                    }""";
            private static final String D1 = """
                    {
                        "id": "2cdf57393364b4688b304c4bbfb9da89618",
                        "is_bundle": true,
                        "append": false,
                        "customer": null,
                        "items": [
                            {
                                "product_code": "d1", // bundle product code
                                "users": [
                                    {
                                        "email": "myuser@test.com",
                                        "is_manager": false
                                    }
                                ],
                                "licenses": [
                                    {
                                        "policy_code": "dftlp",
                                        "product_code": "p2"
                                    },
                                    {
                                        "policy_code": "dftlp",
                                        "product_code": "12"
                                    }
                                ]
                            }
                        ],
                        "reference": ""
                    }""";

            private List<License> createdFrom(String example) {
                OrderResult result = schemaChecked(engine.createOrderJson(COMPANY, example));
                assertValidBundleResponse(result);
                assertThat(engine.findOrder(COMPANY, result.order().orderId())).contains(result.order());
                return licensesOf(result);
            }

            @Test
            void theKeyBasedBundleExampleTakesItsKeyItemFieldsAndNotes() {
                List<License> licenses = createdFrom(KEY_BASED);
                assertThat(licenses).extracting(License::productCode).containsExactly("lkpb", "lkbp1", "lkbp2");
                assertThat(licenses.get(0).key()).isEqualTo("AAAA-AAAA-AAAA-1130");
                assertThat(licenses).extracting(l -> l.properties().active(), l -> l.properties().subscriptionId())
                        .containsOnly(tuple(true, "12345"));
                assertThat(licenses).extracting(License::note)
                        .containsExactly("Global note for bundle lkpb", "Note for lkbp1", "Note for lkbp2");
            }

            @Test
            void theUserBasedBundleExampleCreatesItsUserAndTheSubLicensesOverrides() {
                List<License> licenses = createdFrom(USER_BASED);
                assertThat(licenses.get(0).users()).extracting(u -> u.email(), u -> u.isManager())
                        .containsExactly(tuple("someuser@mail.com", false));
                License up = licenses.get(1);
                assertThat(up.properties().maxActivations()).isEqualTo(30);
                assertThat(up.customFields()).extracting(LicenseCustomField::productCustomFieldId,
                        LicenseCustomField::value).containsExactly(tuple(BundleTestCatalog.CUSTOM_FIELD1_ID, "abcd"));
                assertThat(licenses).extracting(License::note)
                        .containsExactly("Global note for bundle upb", "Specific note for this license");
            }

            @Test
            void theDramaExampleTakesItsKeyAndItsEmptyUsersMeanNone() {
                List<License> licenses = createdFrom(DRAMA);
                assertThat(licenses.get(0).key()).isEqualTo("GP14Q-QA4Z-M6SK-CXBU");
                assertThat(licenses.get(0).users()).isEmpty();
                assertThat(licenses.subList(1, licenses.size())).extracting(License::productCode, License::policyCode)
                        .containsExactly(tuple("p", "dftlp"), tuple("p34", "dftlp"));
            }

            @Test
            void theD1ExampleCreatesItsUserAndTwoSubLicenses() {
                List<License> licenses = createdFrom(D1);
                assertThat(licenses.get(0).users()).extracting(u -> u.email()).containsExactly("myuser@test.com");
                assertThat(licenses.subList(1, licenses.size())).extracting(License::productId)
                        .containsExactly(BundleTestCatalog.P2_ID, BundleTestCatalog.P12_ID);
            }
        }
    }

    @Nested
    class AuthorizationMethods {
        @Test
        void aKeyBasedProductGivenUsersIsAMismatchAtUsers() {
            assertRejected(oneKeyLicense("o1", users("a@b.com")), ErrorCode.AUTHORIZATION_METHOD_MISMATCH,
                    "items[0].licenses[0].users");
        }

        @Test
        void aUserBasedProductGivenAKeyIsAMismatchAtKey() {
            assertRejected(order("o1").item(item("USR").license(users("a@b.com").key("K-1"))),
                    ErrorCode.AUTHORIZATION_METHOD_MISMATCH, "items[0].licenses[0].key");
        }

        @Test
        void aUserBasedLicenseNeedsUsers() {
            assertRejected(order("o1").item(item("USR").license(key(null))), ErrorCode.REQUIRED_FIELD,
                    "items[0].licenses[0].users");
            assertRejected(order("o1").item(item("USR").license(users())), ErrorCode.REQUIRED_FIELD,
                    "items[0].licenses[0].users");
        }

        @Test
        void anInvalidEmailIsAValidationErrorAtIt() {
            assertRejected(order("o1").item(item("USR").license(users("a@b.com", "not-an-email"))),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].users[1].email");
        }

        @Test
        void anEmailTwiceInOneLicenseIsDuplicateEmailAtTheSecond() {
            assertRejected(order("o1").item(item("USR").license(users("a@b.com", "c@d.com", "A@B.com"))),
                    ErrorCode.DUPLICATE_EMAIL, "items[0].licenses[0].users[2].email");
        }
    }

    @Nested
    class PolicyResolution {
        @Test
        void thePagesPolicyExampleTakesEverythingFromThePolicyButMaxActivations() {
            License license = onlyLicense(create(oneKeyLicense("o1",
                    key("123-123-123-123-123").policy("policy_A").with("maxActivations", 10))));
            assertThat(license.properties().maxActivations()).isEqualTo(10);
            assertThat(license.properties().licenseType()).isEqualTo(LicenseType.TIME_LIMITED);
            assertThat(license.properties().validDuration()).isEqualTo("1y");
            assertThat(license.properties().isTrial()).isTrue();
            assertThat(license.policyId()).isEqualTo(POLICY_A_ID);
            assertThat(license.policyCode()).isEqualTo("policy_A");
        }

        @Test
        void noPolicyAndNoDefaultMeansProductDefaultsOverEngineDefaults() {
            License license = onlyLicense(create(oneKeyLicense("o1", key(null))));
            assertThat(license.policyId()).isNull();
            assertThat(license.policyCode()).isNull();
            assertThat(license.properties().maxActivations()).isEqualTo(3);
            assertThat(license.properties().licenseType()).isEqualTo(LicenseType.PERPETUAL);
            assertThat(license.properties().floatingTimeout()).isEqualTo(120);
            assertThat(license.properties().enabled()).isTrue();
            assertThat(license.properties().active()).isFalse();
        }

        @Test
        void theProductsDefaultPolicyServesLicensesNamingNone() {
            License license = onlyLicense(create(order("o1").item(item("USR").license(users("a@b.com")))));
            assertThat(license.policyId()).isEqualTo(USR_STD_ID);
            assertThat(license.properties().maxActivations()).isEqualTo(2);
        }

        @Test
        void licenseTemplateCodeAndLicenseTemplateIdNameAPolicyToo() {
            assertThat(onlyLicense(create(oneKeyLicense("o1", key(null).templateCode("other")))).policyId())
                    .isEqualTo(OTHER_ID);
            assertThat(onlyLicense(create(oneKeyLicense("o2", key(null).template(POLICY_A_ID)))).policyCode())
                    .isEqualTo("policy_A");
        }

        @Test
        void theItemsLicensePolicyServesLicensesNamingNone() {
            OrderResult result = create(order("o1").item(item("KEY").licensePolicy("policy_A")
                    .license(key(null)).license(key(null).policy("other"))));
            assertThat(result.order().items().get(0).licenses()).extracting(License::policyCode)
                    .containsExactly("policy_A", "other");
        }

        @Test
        void policyCodeAndLicenseTemplateCodeThatDifferAreAnErrorAtTheTemplateCode() {
            assertRejected(oneKeyLicense("o1", key(null).policy("policy_A").templateCode("other")),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].license_template_code");
            assertThat(onlyLicense(create(oneKeyLicense("o1", key(null).policy("other").templateCode("other"))))
                    .policyCode()).isEqualTo("other");
        }

        @Test
        void anUnknownPolicyIsUnknownPolicyAtTheFieldThatNamedIt() {
            assertRejected(oneKeyLicense("o1", key(null).policy("nope")), ErrorCode.UNKNOWN_POLICY,
                    "items[0].licenses[0].policy_code");
            assertRejected(oneKeyLicense("o1", key(null).templateCode("nope")), ErrorCode.UNKNOWN_POLICY,
                    "items[0].licenses[0].license_template_code");
            assertRejected(oneKeyLicense("o1", key(null).template(USR_STD_ID)), ErrorCode.UNKNOWN_POLICY,
                    "items[0].licenses[0].license_template");
            assertRejected(order("o1").item(item("KEY").licensePolicy("nope").license(key(null))),
                    ErrorCode.UNKNOWN_POLICY, "items[0].license_policy");
        }

        @Test
        void aPolicyOfAnotherProductIsUnknown() {
            assertRejected(oneKeyLicense("o1", key(null).policy("std")), ErrorCode.UNKNOWN_POLICY,
                    "items[0].licenses[0].policy_code");
        }

        @Test
        void orderLevelPreventVmAndItemLevelActiveAndSubscriptionIdApply() {
            OrderResult result = create(order("o1").preventVm(true).item(item("KEY").active(true)
                    .subscriptionId("sub-9").license(key(null)).license(key(null).with("active", false))));
            List<License> licenses = result.order().items().get(0).licenses();
            assertThat(licenses).allSatisfy(l -> assertThat(l.properties().preventVm()).isTrue());
            assertThat(licenses).allSatisfy(l -> assertThat(l.properties().subscriptionId()).isEqualTo("sub-9"));
            assertThat(licenses).extracting(l -> l.properties().active()).containsExactly(true, false);
        }
    }

    @Nested
    class Features {
        @Test
        void aLicensesFeaturesResolveEngineDefaultsThenCatalogThenRequest() {
            License license = onlyLicense(create(oneKeyLicense("o1", key(null).features(FeatureRequest.of("f1"),
                    new FeatureRequest("f2", featureProps("maxConsumption", 33L, "expiryDate", "2027-05-23"))))));
            assertThat(license.features()).extracting(LicenseFeature::productFeatureId).containsExactly(F1_ID, F2_ID);
            LicenseFeature f1 = license.features().get(0);
            assertThat(f1.properties().maxConsumption()).isEqualTo(10L);
            assertThat(f1.properties().floatingTimeout()).isEqualTo(120);
            assertThat(f1.properties().metadata()).isEqualTo("{}");
            assertThat(f1.properties().isFloating()).isFalse();
            LicenseFeature f2 = license.features().get(1);
            assertThat(f2.properties().maxConsumption()).isEqualTo(33L);
            assertThat(f2.properties().expiryDate()).isEqualTo("2027-05-23");
            assertThat(f1.id()).isNotEqualTo(f2.id());
        }

        @Test
        void withoutProductFeaturesALicenseGetsItsPolicysElseNone() {
            assertThat(onlyLicense(create(oneKeyLicense("o1", key(null).policy("policy_A")))).features())
                    .extracting(LicenseFeature::code).containsExactly("f2");
            assertThat(onlyLicense(create(oneKeyLicense("o2", key(null)))).features()).isEmpty();
            assertThat(onlyLicense(create(oneKeyLicense("o3", key(null).policy("policy_A").features())))
                    .features()).isEmpty();
        }

        @Test
        void anUnknownFeatureIsUnknownFeatureAtItsCode() {
            assertRejected(oneKeyLicense("o1", key(null).features(FeatureRequest.of("f1"), FeatureRequest.of("zz"))),
                    ErrorCode.UNKNOWN_FEATURE, "items[0].licenses[0].product_features[1]");
            assertRejected(oneKeyLicense("o1", key(null).features(
                    new FeatureRequest("zz", featureProps("maxConsumption", 1L)))),
                    ErrorCode.UNKNOWN_FEATURE, "items[0].licenses[0].product_features[0].code");
        }

        @Test
        void aFeatureTwiceIsAValidationError() {
            assertRejected(oneKeyLicense("o1", key(null).features(FeatureRequest.of("f1"), FeatureRequest.of("f1"))),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].product_features[1]");
        }

        @Test
        void aFeaturesExpiryDateMustBeADate() {
            assertRejected(oneKeyLicense("o1", key(null).features(
                    new FeatureRequest("f1", featureProps("expiryDate", "next year")))),
                    ErrorCode.INVALID_DATE, "items[0].licenses[0].product_features[0].expiry_date");
        }
    }

    @Nested
    class CustomFields {
        @Test
        void everyCustomFieldOfTheProductIsValuedByTheLicenseElseThePolicyElseItsDefault() {
            License own = onlyLicense(create(oneKeyLicense("o1", key(null).policy("policy_A")
                    .customFields(new CustomFieldRequest("cf_number", CustomFieldType.NUMBER, "42")))));
            assertThat(own.customFields()).containsExactly(
                    new LicenseCustomField(CF_TEXT_ID, "cf_text", "from policy"),
                    new LicenseCustomField(CF_NUMBER_ID, "cf_number", "42"),
                    new LicenseCustomField(CF_DATE_ID, "cf_date", null));
            License defaults = onlyLicense(create(oneKeyLicense("o2", key(null))));
            assertThat(defaults.customFields()).extracting(LicenseCustomField::value)
                    .containsExactly("default text", "0", null);
        }

        @Test
        void anUnknownCustomFieldIsUnknownCustomFieldAtItsName() {
            assertRejected(oneKeyLicense("o1", key(null).customFields(new CustomFieldRequest("zz", null, "v"))),
                    ErrorCode.UNKNOWN_CUSTOM_FIELD, "items[0].licenses[0].custom_fields[0].name");
        }

        @Test
        void aDataTypeThatDiffersFromTheProductsIsAValidationError() {
            assertRejected(oneKeyLicense("o1", key(null).customFields(
                    new CustomFieldRequest("cf_text", CustomFieldType.NUMBER, "1"))),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].custom_fields[0].data_type");
        }

        @Test
        void aNumberFieldNeedsANumberAndADateFieldADate() {
            assertRejected(oneKeyLicense("o1", key(null).customFields(new CustomFieldRequest("cf_number", null, "x"))),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].custom_fields[0].value");
            assertRejected(oneKeyLicense("o1", key(null).customFields(new CustomFieldRequest("cf_date", null, "x"))),
                    ErrorCode.INVALID_DATE, "items[0].licenses[0].custom_fields[0].value");
        }
    }

    @Nested
    class CustomerAccounts {
        @Test
        void anUnknownCustomerAccountIsNotFoundAtTheFieldThatNamedIt() {
            assertRejected(oneKeyLicense("o1", key(null)).customerAccountId(999L),
                    ErrorCode.CUSTOMER_ACCOUNT_NOT_FOUND, "customer_account_id");
            assertRejected(order("o1").item(item("KEY").customerAccountId(999L).license(key(null))),
                    ErrorCode.CUSTOMER_ACCOUNT_NOT_FOUND, "items[0].customer_account_id");
        }

        @Test
        void theOrderLevelAccountWinsAndANewCustomerGetsIt() {
            OrderResult result = create(oneKeyLicense("o1", key(null)).customerAccountId(ACCOUNT_ID)
                    .customer(customer("c@acme.com", null)));
            assertThat(result.order().customerAccountId()).isEqualTo(ACCOUNT_ID);
            assertThat(customerByEmail("c@acme.com").customerAccountId()).isEqualTo(ACCOUNT_ID);
        }

        @Test
        void withoutOneTheOrderTakesItsCustomersAccountUnlessAddToCustomerAccountIsFalse() {
            create(oneKeyLicense("o1", key(null)).customerAccountId(ACCOUNT_ID).customer(customer("c@acme.com", null)));
            assertThat(create(oneKeyLicense("o2", key(null)).customer(customer("c@acme.com", null))).order()
                    .customerAccountId()).isEqualTo(ACCOUNT_ID);
            assertThat(create(oneKeyLicense("o3", key(null)).customer(customer("c@acme.com", null))
                    .addToCustomerAccount(false)).order().customerAccountId()).isNull();
        }

        @Test
        void anItemsOwnAccountIsKeptOnTheItem() {
            OrderResult result = create(order("o1").customerAccountId(ACCOUNT_ID)
                    .item(item("KEY").customerAccountId(OTHER_ACCOUNT_ID).license(key(null)))
                    .item(item("KEY").license(key(null))));
            assertThat(result.order().items()).extracting(i -> i.customerAccountId())
                    .containsExactly(OTHER_ACCOUNT_ID, ACCOUNT_ID);
        }
    }

    @Nested
    class Counts {
        @Test
        void negativeCountsAreValidationErrors() {
            assertRejected(oneKeyLicense("o1", key(null).with("maxActivations", -1)), ErrorCode.VALIDATION_ERROR,
                    "items[0].licenses[0].max_activations");
            assertRejected(oneKeyLicense("o1", key(null).with("trialDays", -3)), ErrorCode.VALIDATION_ERROR,
                    "items[0].licenses[0].trial_days");
        }

        @Test
        void maxTransfersMinusOneMeansUnlimitedAndBelowIsAnError() {
            assertThat(onlyLicense(create(oneKeyLicense("o1", key(null).with("maxTransfers", -1))))
                    .properties().maxTransfers()).isEqualTo(-1);
            assertRejected(oneKeyLicense("o2", key(null).with("maxTransfers", -2)), ErrorCode.VALIDATION_ERROR,
                    "items[0].licenses[0].max_transfers");
        }

        @Test
        void aFloatingTimeoutIsAtLeastOne() {
            assertRejected(oneKeyLicense("o1", key(null).with("floatingTimeout", 0)), ErrorCode.VALIDATION_ERROR,
                    "items[0].licenses[0].floating_timeout");
        }
    }

    @Nested
    class LicenseTypes {
        @Test
        void aTimeLimitedLicenseNeedsAValidDurationOrValidityPeriod() {
            assertRejected(oneKeyLicense("o1", key(null).with("licenseType", LicenseType.TIME_LIMITED)),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].valid_duration");
            assertThat(onlyLicense(create(oneKeyLicense("o1", key(null).with("licenseType", LicenseType.TIME_LIMITED,
                    "validityPeriod", "2026-01-01")))).properties().validityPeriod()).isEqualTo("2026-01-01");
        }

        @Test
        void aConsumptionLicenseTakesMaxConsumptionsFromTheProductAndNeedsOne() {
            assertThat(onlyLicense(create(order("o1").item(item("CONS").license(key(null))))).properties()
                    .maxConsumptions()).isEqualTo(100L);
            assertRejected(oneKeyLicense("o2", key(null).with("licenseType", LicenseType.CONSUMPTION)),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].max_consumptions");
            assertThat(onlyLicense(create(oneKeyLicense("o2", key(null).with("licenseType", LicenseType.CONSUMPTION,
                    "allowUnlimitedConsumptions", true)))).properties().maxConsumptions()).isNull();
        }

        @Test
        void resetConsumptionNeedsAConsumptionPeriod() {
            assertRejected(order("o1").item(item("CONS").license(key(null).with("resetConsumption", true))),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].reset_consumption");
            assertThat(onlyLicense(create(order("o1").item(item("CONS").license(key(null).with("resetConsumption",
                    true, "consumptionPeriod", ConsumptionPeriod.MONTHLY))))).properties().consumptionPeriod())
                    .isEqualTo(ConsumptionPeriod.MONTHLY);
        }

        @Test
        void consumptionOnlyFieldsOnAnotherTypeAreValidationErrorsAtThem() {
            assertRejected(oneKeyLicense("o1", key(null).with("allowOverages", true)), ErrorCode.VALIDATION_ERROR,
                    "items[0].licenses[0].allow_overages");
            assertRejected(oneKeyLicense("o1", key(null).with("consumptionPeriod", ConsumptionPeriod.DAILY)),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].consumption_period");
        }

        @Test
        void maintenanceNeedsADurationOrAPeriodAndAPeriodAloneIsAccepted() {
            assertRejected(oneKeyLicense("o1", key(null).with("enableMaintenancePeriod", true)),
                    ErrorCode.VALIDATION_ERROR, "items[0].licenses[0].maintenance_duration");
            License license = onlyLicense(create(oneKeyLicense("o1", key(null).with("enableMaintenancePeriod", true,
                    "maintenancePeriod", "2026-03-25"))));
            assertThat(license.properties().maintenanceDuration()).isNull();
            assertThat(license.properties().maintenancePeriod()).isEqualTo("2026-03-25");
        }

        @Test
        void aFloatingServerNeedsALocalLicense() {
            assertRejected(oneKeyLicense("o1", key(null).with("floatingServerId", 12L)), ErrorCode.VALIDATION_ERROR,
                    "items[0].licenses[0].floating_server_id");
            assertThat(onlyLicense(create(oneKeyLicense("o1", key(null).with("floatingServerId", 12L,
                    "isLocalLicense", true)))).properties().floatingServerId()).isEqualTo(12L);
        }
    }

    @Nested
    class DurationsAndDates {
        @Test
        void durationsFollowThePagesGrammar() {
            assertRejected(oneKeyLicense("o1", key(null).with("validDuration", "1 year")), ErrorCode.INVALID_DURATION,
                    "items[0].licenses[0].valid_duration");
            assertRejected(oneKeyLicense("o1", key(null).with("maintenanceDuration", "0m")),
                    ErrorCode.INVALID_DURATION, "items[0].licenses[0].maintenance_duration");
        }

        @Test
        void unreadableDatesAreInvalidDateAtTheirField() {
            assertRejected(oneKeyLicense("o1", key(null)).created("yesterday"), ErrorCode.INVALID_DATE, "created");
            assertRejected(oneKeyLicense("o1", key(null).with("startDate", "2024/03/12")), ErrorCode.INVALID_DATE,
                    "items[0].licenses[0].start_date");
            assertRejected(oneKeyLicense("o1", key(null).with("validityPeriod", "2024-13-01")), ErrorCode.INVALID_DATE,
                    "items[0].licenses[0].validity_period");
            assertRejected(oneKeyLicense("o1", key(null).with("maintenancePeriod", "soon")), ErrorCode.INVALID_DATE,
                    "items[0].licenses[0].maintenance_period");
        }

        @Test
        void aValidityPeriodBeforeTheStartDateIsAnError() {
            assertRejected(oneKeyLicense("o1", key(null).with("startDate", "2025-06-01",
                    "validityPeriod", "2025-05-31 23:59")), ErrorCode.VALIDATION_ERROR,
                    "items[0].licenses[0].validity_period");
        }

        @Test
        void valuesAreStoredExactlyAsGiven() {
            License license = onlyLicense(create(oneKeyLicense("o1", key(null).with("licenseType",
                    LicenseType.TIME_LIMITED, "validDuration", "2m", "startDate", "2018-04-1 21:18:49",
                    "validityPeriod", "2030-1-2T03:04:05.678+02:00"))));
            assertThat(license.properties().startDate()).isEqualTo("2018-04-1 21:18:49");
            assertThat(license.properties().validityPeriod()).isEqualTo("2030-1-2T03:04:05.678+02:00");
            assertThat(license.properties().validDuration()).isEqualTo("2m");
            assertThat(engine.findOrder(COMPANY, "o1").orElseThrow().items().get(0).licenses().get(0).properties())
                    .isEqualTo(license.properties());
        }

        @Test
        void createdIsTheOrdersTimeAndEveryLicensesElseTheClocksNow() {
            OrderResult dated = create(oneKeyLicense("o1", key(null)).created("2024-03-12 10:15"));
            Instant at = Instant.parse("2024-03-12T10:15:00Z");
            assertThat(dated.order().createdAt()).isEqualTo(at);
            assertThat(dated.order().created()).isEqualTo("2024-03-12 10:15");
            assertThat(onlyLicense(dated).createdAt()).isEqualTo(at);
            assertThat(onlyLicense(dated).updatedAt()).isEqualTo(at);
            OrderResult now = create(oneKeyLicense("o2", key(null)));
            assertThat(now.order().createdAt()).isEqualTo(NOW);
            assertThat(now.order().created()).isNull();
            assertThat(onlyLicense(now).createdAt()).isEqualTo(NOW);
        }
    }

    @Nested
    class NotesAndMetadata {
        @Test
        void aLicensesNoteWinsOverItsItemsNoteAndNeitherMeansNone() {
            OrderResult result = create(order("o1")
                    .item(item("KEY").note("Test 1").license(key(null).note("Test 2")).license(key(null)))
                    .item(item("KEY").license(key(null))));
            assertThat(result.order().items().get(0).licenses()).extracting(License::note)
                    .containsExactly("Test 2", "Test 1");
            assertThat(result.order().items().get(1).licenses().get(0).note()).isNull();
        }

        @Test
        void aLicensesMetadataIsItsOwnElseItsPolicysElseAnEmptyObject() {
            assertThat(onlyLicense(create(oneKeyLicense("o1", key(null).metadata("{\"a\":1}").policy("policy_A"))))
                    .metadata()).isEqualTo("{\"a\":1}");
            assertThat(onlyLicense(create(oneKeyLicense("o2", key(null).policy("policy_A")))).metadata())
                    .isEqualTo("{\"from\":\"policy\"}");
            assertThat(onlyLicense(create(oneKeyLicense("o3", key(null)))).metadata()).isEqualTo("{}");
        }

        @Test
        void aLicensesMetadataMustBeAJsonObject() {
            assertRejected(oneKeyLicense("o1", key(null).metadata("nope")), ErrorCode.VALIDATION_ERROR,
                    "items[0].licenses[0].metadata");
        }
    }

    @Nested
    class Keys {
        @Test
        void aKeyBasedLicenseWithoutAKeyGetsAGeneratedOne() {
            License license = onlyLicense(create(oneKeyLicense("o1", key(null))));
            assertThat(license.key()).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");
            assertThat(license.users()).isEmpty();
        }

        @Test
        void aGivenKeyIsKeptAsGiven() {
            assertThat(onlyLicense(create(oneKeyLicense("o1", key("123-123-123-123-123")))).key())
                    .isEqualTo("123-123-123-123-123");
        }

        @Test
        void aGivenKeyTakenInTheCompanyIsLicenseKeyExistsAtTheKey() {
            create(oneKeyLicense("o1", key("K-1")));
            assertRejected(order("o2").item(item("KEY").license(key(null)).license(key("K-1"))),
                    ErrorCode.LICENSE_KEY_EXISTS, "items[0].licenses[1].key");
        }

        @Test
        void aKeyIsUniqueWithinACompanyOnly() {
            create(oneKeyLicense("o1", key("K-1")));
            engine.replaceCatalog("other", EngineTestCatalog.catalog());
            OrderResult other = schemaChecked(engine.createOrder("other", oneKeyLicense("o1", key("K-1")).build()));
            assertThat(other.order().company()).isEqualTo("other");
        }

        @Test
        void aKeyGivenTwiceInOneRequestIsLicenseKeyExistsAtTheSecond() {
            assertRejected(order("o1").item(item("KEY").license(key("K-1"))).item(item("KEY").license(key("K-1"))),
                    ErrorCode.LICENSE_KEY_EXISTS, "items[1].licenses[0].key");
        }

        @Test
        void aGeneratedKeyThatCollidesIsDrawnAgain() {
            // A random source whose first key is all zeros ("2222-2222-2222-2222"), then ordinary.
            Random zerosFirst = new Random(SEED) {
                private static final long serialVersionUID = 1L;
                private boolean first = true;

                @Override
                public void nextBytes(byte[] bytes) {
                    if (first && bytes.length == 10) {
                        first = false;
                        Arrays.fill(bytes, (byte) 0);
                    } else {
                        super.nextBytes(bytes);
                    }
                }
            };
            create(oneKeyLicense("o1", key("2222-2222-2222-2222")));
            LicenseEngine drawing = LicenseEngine.builder(store).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .random(zerosFirst).build();
            License license =
                    onlyLicense(schemaChecked(drawing.createOrder(COMPANY, oneKeyLicense("o2", key(null)).build())));
            assertThat(license.key()).isNotEqualTo("2222-2222-2222-2222")
                    .matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");
        }
    }

    @Nested
    class Users {
        @Test
        void aUserNewToTheCompanyGetsAPasswordReturnedOnceAndStoredAsASaltedSha256() {
            OrderResult result = create(order("o1").item(item("USR").license(users("End-User@gmail.com"))));
            assertThat(result.newPasswords()).singleElement().satisfies(p -> {
                assertThat(p.email()).isEqualTo("End-User@gmail.com");
                assertThat(p.password()).matches("[A-Za-z0-9]{20}");
            });
            User stored = store.read(r -> r.findUsers(COMPANY, List.of("end-user@gmail.com")))
                    .get("end-user@gmail.com");
            assertThat(stored.passwordHash()).matches("sha256\\$[0-9a-f]{32}\\$[0-9a-f]{64}")
                    .doesNotContain(result.newPasswords().get(0).password());
            assertThat(onlyLicense(result).users()).singleElement().satisfies(u -> assertThat(u.userId())
                    .isEqualTo(stored.id()));
            assertThat(onlyLicense(result).key()).isNull();
            assertThat(engine.findOrder(COMPANY, "o1")).isPresent();
        }

        @Test
        void anExistingUserIsReusedIgnoringCaseWithNoNewPassword() {
            OrderResult first = create(order("o1").item(item("USR").license(users("a@b.com"))));
            OrderResult second = create(order("o2").item(item("USR").license(users("A@B.COM"))));
            assertThat(second.newPasswords()).isEmpty();
            assertThat(onlyLicense(second).users().get(0).userId()).isEqualTo(onlyLicense(first).users().get(0)
                    .userId());
        }

        @Test
        void theSameNewEmailInTwoLicensesOfOneOrderIsOneUserWithOnePassword() {
            OrderResult result = create(order("o1").item(item("USR").license(users("a@b.com", "c@d.com"))
                    .license(users("A@b.com"))));
            assertThat(result.newPasswords()).extracting(p -> p.email()).containsExactly("a@b.com", "c@d.com");
            List<License> licenses = result.order().items().get(0).licenses();
            assertThat(licenses.get(1).users().get(0).userId()).isEqualTo(licenses.get(0).users().get(0).userId());
        }

        @Test
        void isManagerAndAUsersMaxActivationsAreKept() {
            OrderResult result = create(order("o1").item(item("USR").license(TestOrders.key(null)
                    .users(List.of(new UserRequest("m@b.com", true, 4), UserRequest.of("u@b.com"))))));
            assertThat(onlyLicense(result).users()).extracting(u -> u.email(), u -> u.isManager(),
                    u -> u.maxActivations()).containsExactly(tuple("m@b.com", true, 4), tuple("u@b.com", false, null));
        }
    }

    @Nested
    class Customers {
        @Test
        void aCustomerNewToTheCompanyIsCreatedFromTheRequest() {
            OrderResult result = create(oneKeyLicense("o1", key(null)).customer(new CustomerRequest("c@acme.com",
                    "Ada", "Lovelace", "Acme", "+1", "1 Road", "ref-1", true)));
            Customer customer = customerByEmail("c@acme.com");
            assertThat(customer).extracting(Customer::firstName, Customer::lastName, Customer::companyName,
                    Customer::phone, Customer::address, Customer::reference)
                    .containsExactly("Ada", "Lovelace", "Acme", "+1", "1 Road", "ref-1");
            assertThat(result.order().customerId()).isEqualTo(customer.id());
            assertThat(result.order().customerIsManager()).isTrue();
        }

        @Test
        void aCustomerIsMatchedByEmailIgnoringCaseElseByReference() {
            long id = create(oneKeyLicense("o1", key(null)).customer(customer("c@acme.com", "ref-1"))).order()
                    .customerId();
            assertThat(create(oneKeyLicense("o2", key(null)).customer(customer("C@ACME.com", null))).order()
                    .customerId()).isEqualTo(id);
            assertThat(create(oneKeyLicense("o3", key(null)).customer(customer(null, "ref-1"))).order()
                    .customerId()).isEqualTo(id);
            assertThat(create(oneKeyLicense("o4", key(null)).customer(customer("new@acme.com", null))).order()
                    .customerId()).isNotEqualTo(id);
            assertThat(create(oneKeyLicense("o5", key(null))).order().customerId()).isNull();
        }

        @Test
        void aReturningCustomerTakesTheLatestOrdersNonNullDetailsAndKeepsWhatMatchedIt() {
            long id = create(oneKeyLicense("o1", key(null)).customer(new CustomerRequest("c@acme.com",
                    "Ada", "Lovelace", "Acme", "+1", "1 Road", "ref-1", null))).order().customerId();

            long again = create(oneKeyLicense("o2", key(null)).customer(new CustomerRequest("C@ACME.com",
                    "Ada", "King", null, "+2", null, "ref-2", null))).order().customerId();
            long byReference = create(oneKeyLicense("o3", key(null)).customer(new CustomerRequest(null,
                    null, null, "Acme Group", null, null, "ref-1", null))).order().customerId();

            assertThat(again).isEqualTo(id);
            assertThat(byReference).isEqualTo(id);
            Customer customer = customerByEmail("c@acme.com");
            assertThat(customer).extracting(Customer::id, Customer::email, Customer::firstName, Customer::lastName,
                    Customer::companyName, Customer::phone, Customer::address, Customer::reference)
                    .containsExactly(id, "c@acme.com", "Ada", "King", "Acme Group", "+2", "1 Road", "ref-1");
            assertThat(store.read(r -> r.findCustomersByReference(COMPANY, List.of("ref-1"))).get("ref-1"))
                    .isEqualTo(customer);
        }

        @Test
        void twoOrdersOfOneBatchUpdateTheirCustomerInOrder() {
            create(oneKeyLicense("o1", key(null)).customer(new CustomerRequest("c@acme.com", "Ada", null, null,
                    null, null, null, null)));

            List<OrderOutcome> outcomes = engine.createOrders(COMPANY, List.of(
                    oneKeyLicense("o2", key(null)).customer(new CustomerRequest("c@acme.com", null, "King", null,
                            null, null, null, null)).build(),
                    oneKeyLicense("o3", key(null)).customer(new CustomerRequest("c@acme.com", "Augusta", null, null,
                            null, null, null, null)).build()));

            assertThat(outcomes).extracting(OrderOutcome::created).containsExactly(true, true);
            assertThat(customerByEmail("c@acme.com")).extracting(Customer::firstName, Customer::lastName)
                    .containsExactly("Augusta", "King");
        }

        @Test
        void anInvalidCustomerEmailIsAValidationError() {
            assertRejected(oneKeyLicense("o1", key(null)).customer(customer("nope", null)),
                    ErrorCode.VALIDATION_ERROR, "customer.email");
        }
    }

    @Nested
    class Append {
        @Test
        void appendAddsTheNewItemsToTheExistingOrderWhoseFieldsDoNotChange() {
            OrderResult first = create(oneKeyLicense("o1", key("K-1")).metadata("{\"v\":1}"));
            OrderResult second = create(order("o1").append(true).metadata("{\"v\":2}").created("2025-04-01")
                    .item(item("USR").license(users("a@b.com"))));
            assertThat(second.order().id()).isEqualTo(first.order().id());
            assertThat(second.order().metadata()).isEqualTo("{\"v\":1}");
            assertThat(second.order().items()).singleElement().satisfies(i -> assertThat(i.productCode())
                    .isEqualTo("USR"));
            assertThat(second.newPasswords()).hasSize(1);
            assertThat(onlyLicense(second).createdAt()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
            Order stored = engine.findOrder(COMPANY, "o1").orElseThrow();
            assertThat(stored.items()).extracting(i -> i.productCode()).containsExactly("KEY", "USR");
            assertThat(stored.metadata()).isEqualTo("{\"v\":1}");
            assertThat(stored.createdAt()).isEqualTo(NOW);
        }

        @Test
        void anExistingIdWithoutAppendIsOrderIdExistsAtId() {
            create(oneKeyLicense("o1", key(null)));
            assertRejected(oneKeyLicense("o1", key("K-2")), ErrorCode.ORDER_ID_EXISTS, "id");
        }

        @Test
        void appendWithNoSuchOrderCreatesIt() {
            OrderResult result = create(oneKeyLicense("o1", key(null)).append(true));
            assertThat(engine.findOrder(COMPANY, "o1")).contains(result.order());
        }
    }

    @Nested
    class Atomicity {
        @Test
        void aRequestWhoseThirdLicenseIsInvalidWritesNothing() {
            assertRejected(order("o1").customer(customer("c@acme.com", null))
                    .item(item("USR").license(users("a@b.com")))
                    .item(item("KEY").license(key("K-1")).license(key("K-2").with("validDuration", "forever"))),
                    ErrorCode.INVALID_DURATION, "items[1].licenses[1].valid_duration");
            Map<String, Customer> customers = store.read(r -> r.findCustomersByEmail(COMPANY, List.of("c@acme.com")));
            assertThat(customers).isEmpty();
        }

        @Test
        void aStoreFailureOnWriteLeavesNothingAndSurfacesAsStoreException() {
            FaultInjectingStore failing = new FaultInjectingStore(store, 2);
            LicenseEngine faulty = engine(failing, SEED);
            schemaChecked(faulty.createOrder(COMPANY, oneKeyLicense("o1", key(null)).build()));
            OrderRequest request = order("o2").customer(customer("c@acme.com", null))
                    .item(item("USR").license(users("a@b.com"))).item(item("KEY").license(key("K-1"))).build();
            Snapshot before = snapshot(request);
            assertThatThrownBy(() -> faulty.createOrder(COMPANY, request)).isInstanceOf(StoreException.class)
                    .isNotInstanceOf(OrderRejectedException.class);
            assertThat(failing.writeCalls()).isEqualTo(2);
            assertThat(snapshot(request)).isEqualTo(before);
            assertThat(engine.findOrder(COMPANY, "o1")).isPresent();
        }

        @Test
        void twoThreadsCreatingOneOrderIdExactlyOneSucceeds() throws Exception {
            List<Object> outcomes = race(() -> create(oneKeyLicense("o1", key(null))),
                    () -> create(oneKeyLicense("o1", key(null))));
            assertThat(outcomes).filteredOn(o -> o instanceof OrderResult).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof OrderRejectedException).singleElement()
                    .satisfies(e -> assertThat(((OrderRejectedException) e).errors())
                            .extracting(LicensingError::code, LicensingError::field)
                            .containsExactly(tuple(ErrorCode.ORDER_ID_EXISTS, "id")));
            assertThat(engine.findOrder(COMPANY, "o1").orElseThrow().items()).hasSize(1);
        }

        @Test
        void twoThreadsAppendingToOneOrderIdBothLand() throws Exception {
            List<Object> outcomes = race(() -> create(oneKeyLicense("o1", key(null)).append(true)),
                    () -> create(oneKeyLicense("o1", key(null)).append(true)));
            assertThat(outcomes).allMatch(o -> o instanceof OrderResult);
            assertThat(engine.findOrder(COMPANY, "o1").orElseThrow().items()).hasSize(2);
        }

        private List<Object> race(Callable<OrderResult> a, Callable<OrderResult> b) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> futures = new ArrayList<>();
                for (Callable<OrderResult> task : List.of(a, b)) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        try {
                            return task.call();
                        } catch (OrderRejectedException e) {
                            return e;
                        }
                    }));
                }
                start.countDown();
                List<Object> outcomes = new ArrayList<>();
                for (Future<Object> future : futures) {
                    outcomes.add(future.get());
                }
                return outcomes;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * A store whose writers run side by side lets another transaction create, between this one's reads and its write,
     * the order's user, its customer or the order it appends to; the store's unique constraints then refuse the write
     * ({@link StaleReadsStore} stages exactly that). The engine runs such an order once more, in a new transaction that
     * reads and reuses what the other one created; a taken order id or key stays the caller's error.
     */
    @Nested
    class LostRaces {
        @Test
        void aUserCreatedMeanwhileIsReusedByOneRetryWithNoNewPassword() {
            OrderResult first = create(order("o1").item(item("USR").license(users("a@b.com"))));
            StaleReadsStore racing = new StaleReadsStore(store, 1);
            OrderResult second = schemaChecked(engine(racing, SEED).createOrder(COMPANY,
                    order("o2").item(item("USR").license(users("A@B.com"))).build()));
            assertThat(racing.transactions()).isEqualTo(2);
            assertThat(second.newPasswords()).isEmpty();
            long userId = onlyLicense(first).users().get(0).userId();
            assertThat(onlyLicense(second).users().get(0).userId()).isEqualTo(userId);
            assertThat(store.read(r -> r.findUsers(COMPANY, List.of("a@b.com"))).values())
                    .extracting(User::id).containsExactly(userId);
            assertThat(engine.findOrder(COMPANY, "o2")).contains(second.order());
        }

        @Test
        void aCustomerCreatedMeanwhileIsReusedByOneRetry() {
            long customerId = create(oneKeyLicense("o1", key(null)).customer(customer("c@acme.com", null))).order()
                    .customerId();
            StaleReadsStore racing = new StaleReadsStore(store, 1);
            OrderResult second = schemaChecked(engine(racing, SEED).createOrder(COMPANY,
                    oneKeyLicense("o2", key(null)).customer(customer("C@Acme.com", null)).build()));
            assertThat(racing.transactions()).isEqualTo(2);
            assertThat(second.order().customerId()).isEqualTo(customerId);
            assertThat(customerByEmail("c@acme.com").id()).isEqualTo(customerId);
        }

        @Test
        void anAppendToAnOrderCreatedMeanwhileLandsInThatOrder() {
            OrderResult first = create(oneKeyLicense("o1", key("K-1")));
            StaleReadsStore racing = new StaleReadsStore(store, 1);
            OrderResult second = schemaChecked(engine(racing, SEED).createOrder(COMPANY,
                    oneKeyLicense("o1", key("K-2")).append(true).build()));
            assertThat(racing.transactions()).isEqualTo(2);
            assertThat(second.order().id()).isEqualTo(first.order().id());
            assertThat(engine.findOrder(COMPANY, "o1").orElseThrow().items())
                    .extracting(i -> i.licenses().get(0).key()).containsExactly("K-1", "K-2");
        }

        @Test
        void anOrderIdCreatedMeanwhileWithoutAppendIsOrderIdExistsWithNoRetry() {
            create(oneKeyLicense("o1", key(null)));
            StaleReadsStore racing = new StaleReadsStore(store, 1);
            OrderRequest request = oneKeyLicense("o1", key("K-2")).build();
            Snapshot before = snapshot(request);
            assertThatThrownBy(() -> engine(racing, SEED).createOrder(COMPANY, request))
                    .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.errors())
                            .extracting(LicensingError::code, LicensingError::field)
                            .containsExactly(tuple(ErrorCode.ORDER_ID_EXISTS, "id")));
            assertThat(racing.transactions()).isEqualTo(1);
            assertThat(snapshot(request)).isEqualTo(before);
        }

        @Test
        void aRaceLostTwiceIsAStoreErrorWithNothingWritten() {
            create(order("o1").item(item("USR").license(users("a@b.com"))));
            StaleReadsStore racing = new StaleReadsStore(store, 2);
            OrderRequest request = order("o2").item(item("USR").license(users("a@b.com"))).build();
            Snapshot before = snapshot(request);
            assertThatThrownBy(() -> engine(racing, SEED).createOrder(COMPANY, request))
                    .isInstanceOf(StoreException.class).isNotInstanceOf(OrderRejectedException.class);
            assertThat(racing.transactions()).isEqualTo(2);
            assertThat(snapshot(request)).isEqualTo(before);
        }
    }

    @Nested
    class Determinism {
        @Test
        void theSameSeedClockAndStoreStateGiveEqualResults() {
            OrderRequest request = order("o1").customer(customer("c@acme.com", null))
                    .item(item("KEY").license(key(null)).license(key(null).features(FeatureRequest.of("f1"))))
                    .item(item("USR").license(users("a@b.com", "c@d.com"))).build();
            OrderResult here = schemaChecked(engine.createOrder(COMPANY, request));
            try (LicenseStore other = openStore()) {
                LicenseEngine twin = engine(other, SEED);
                twin.replaceCatalog(COMPANY, EngineTestCatalog.catalog());
                assertThat(schemaChecked(twin.createOrder(COMPANY, request))).isEqualTo(here);
            }
        }
    }

    @Nested
    class PageExamplesAsJson {
        private static final String KEY_BASED = """
                {
                  "id": "id_1546606209296",
                  "items": [
                    {
                      "product_code": "TT",
                      "note": "Test 1",  // global note applied to all licenses if no license-level note exists
                      "licenses": [
                        {
                          "key": "123-123-123-123-123",
                          "note": "Test 2"  // specific note for this license, overrides global note
                        }
                      ]
                    }
                  ]
                }""";
        private static final String USER_BASED = """
                {"id": "id_1546606209296", "items": [{"product_code": "TT", "note": "Test 1", "licenses": [
                  {"users": [{"email": "end-user@gmail.com", "is_manager": false}], "note": "Test 2"}]}]}""";
        private static final String POLICY_A = """
                {"id": "id_1546606209296", "items": [{"product_code": "TT", "licenses": [
                  {"key": "123-123-123-123-123", "policy_code": "policy_A", "max_activations": 10}]}]}""";

        /** The page uses TT both ways; a catalog has one of the two (DESIGN §3). */
        private void catalogWithTt(dev.licensing.api.AuthorizationMethod method) {
            Catalog base = EngineTestCatalog.catalog();
            List<Product> products = new ArrayList<>(base.products());
            products.add(new Product(50, "TT", "Page tool", method, null, null, null, null, null));
            List<dev.licensing.api.catalog.Policy> policies = new ArrayList<>(base.policies());
            policies.add(new dev.licensing.api.catalog.Policy(51, "TT", "policy_A", "A", TestOrders.props(
                    "licenseType", LicenseType.TIME_LIMITED, "validDuration", "1y", "maxActivations", 5), null, null,
                    null));
            engine.replaceCatalog(COMPANY, new Catalog(products, policies, base.customerAccounts()));
        }

        @Test
        void theKeyBasedExampleCreatesOneLicenseWithItsKeyAndNote() {
            catalogWithTt(dev.licensing.api.AuthorizationMethod.LICENSE_KEY);
            License license = onlyLicense(schemaChecked(engine.createOrderJson(COMPANY, KEY_BASED)));
            assertThat(license.key()).isEqualTo("123-123-123-123-123");
            assertThat(license.note()).isEqualTo("Test 2");
            assertThat(engine.findOrder(COMPANY, "id_1546606209296")).isPresent();
        }

        @Test
        void theUserBasedExampleCreatesTheUserWithAPassword() {
            catalogWithTt(dev.licensing.api.AuthorizationMethod.USER);
            OrderResult result = schemaChecked(engine.createOrderJson(COMPANY, USER_BASED));
            assertThat(result.newPasswords()).extracting(p -> p.email()).containsExactly("end-user@gmail.com");
            assertThat(onlyLicense(result).users()).extracting(u -> u.isManager()).containsExactly(false);
            assertThat(onlyLicense(result).note()).isEqualTo("Test 2");
        }

        @Test
        void thePolicyExampleTakesThePolicyButMaxActivations() {
            catalogWithTt(dev.licensing.api.AuthorizationMethod.LICENSE_KEY);
            License license = onlyLicense(schemaChecked(engine.createOrderJson(COMPANY, POLICY_A)));
            assertThat(license.properties().maxActivations()).isEqualTo(10);
            assertThat(license.properties().licenseType()).isEqualTo(LicenseType.TIME_LIMITED);
            assertThat(license.policyId()).isEqualTo(51L);
        }

        @Test
        void anUnknownFieldIsRejectedByDefaultAndNothingIsWritten() {
            catalogWithTt(dev.licensing.api.AuthorizationMethod.LICENSE_KEY);
            String typo = POLICY_A.replace("max_activations", "max_activation");
            assertThatThrownBy(() -> engine.createOrderJson(COMPANY, typo))
                    .isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(e.errors())
                            .extracting(LicensingError::code, LicensingError::field)
                            .contains(tuple(ErrorCode.UNKNOWN_FIELD, "items[0].licenses[0].max_activation")));
            assertThat(engine.findOrder(COMPANY, "id_1546606209296")).isEmpty();
        }

        @Test
        void withIgnoreUnknownFieldsAnUnknownFieldIsAWarningOnTheResult() {
            catalogWithTt(dev.licensing.api.AuthorizationMethod.LICENSE_KEY);
            LicenseEngine lenient = LicenseEngine.builder(store).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .random(new Random(SEED)).ignoreUnknownFields(true).build();
            OrderResult result = lenient.createOrderJson(COMPANY, POLICY_A.replace("max_activations", "max_activation"));
            assertThat(result.warnings()).extracting(w -> w.field())
                    .containsExactly("items[0].licenses[0].max_activation");
            assertThat(onlyLicense(result).properties().maxActivations()).isEqualTo(5);
        }
    }

    @Nested
    class Batches {
        @Test
        void aBatchIsWrittenInOneTransactionAndOnlyTheGuiltyOrderIsRejected() {
            List<OrderOutcome> outcomes = engine.createOrders(COMPANY, List.of(
                    order("b1").item(item("KEY").license(key("K-1"))).item(item("USR").license(users("new@b.com")))
                            .build(),
                    order("b2").item(item("KEY").license(key("K-1"))).build(),
                    order("b3").item(item("USR").license(users("NEW@b.com"))).build(),
                    order("b1").item(item("KEY").license(key(null))).build()));
            assertThat(outcomes).extracting(OrderOutcome::created).containsExactly(true, false, true, false);
            assertThat(outcomes.get(1).errors()).extracting(LicensingError::code, LicensingError::field)
                    .containsExactly(tuple(ErrorCode.LICENSE_KEY_EXISTS, "items[0].licenses[0].key"));
            assertThat(outcomes.get(3).errors()).extracting(LicensingError::code, LicensingError::field)
                    .containsExactly(tuple(ErrorCode.ORDER_ID_EXISTS, "id"));
            assertThat(outcomes.get(0).result().newPasswords()).hasSize(1);
            assertThat(outcomes.get(2).result().newPasswords()).isEmpty();
            assertThat(engine.findOrder(COMPANY, "b1")).isPresent();
            assertThat(engine.findOrder(COMPANY, "b2")).isEmpty();
            assertThat(engine.findOrder(COMPANY, "b3").orElseThrow().items().get(0).licenses().get(0).users()
                    .get(0).userId()).isEqualTo(outcomes.get(0).result().order().items().get(1).licenses().get(0)
                    .users().get(0).userId());
        }

        @Test
        void aRequestThatFailsValidationIsRejectedInItsPlaceAndTheOthersAreWritten() {
            List<OrderOutcome> outcomes = engine.createOrders(COMPANY, List.of(
                    order("v1").item(item("KEY").license(key("V-1"))).build(),
                    order("v2").item(item("NOPE").license(key(null))).build(),
                    order("v3").item(item("KEY").license(key(null))).build()));

            assertThat(outcomes).extracting(OrderOutcome::orderId).containsExactly("v1", "v2", "v3");
            assertThat(outcomes).extracting(OrderOutcome::created).containsExactly(true, false, true);
            assertThat(outcomes.get(1).errors()).extracting(LicensingError::code, LicensingError::field)
                    .containsExactly(tuple(ErrorCode.UNKNOWN_PRODUCT, "items[0].product_code"));
            assertThat(engine.findOrder(COMPANY, "v2")).isEmpty();
            assertThat(engine.findOrder(COMPANY, "v3")).isPresent();
        }
    }

    @Nested
    class OrderFieldsAsGiven {
        @Test
        void theOrdersOwnFieldsAreStoredAndReadBackAsGiven() {
            OrderResult result = schemaChecked(engine.createOrderJson(COMPANY, """
                    {"id": "o-fields", "is_test": true, "language": "de", "campaign_params": "utm_source=news",
                     "download_id": "dl-7", "metadata": "{\\"crm\\": 42}", "reference": "ref-9",
                     "order_type": "normal", "created": "2024-02-29",
                     "items": [{"product_code": "KEY", "licenses": [{}]}]}"""));

            Order stored = engine.findOrder(COMPANY, "o-fields").orElseThrow();

            assertThat(stored).isEqualTo(result.order());
            assertThat(stored.isTest()).isTrue();
            assertThat(stored.language()).isEqualTo("de");
            assertThat(stored.campaignParams()).isEqualTo("utm_source=news");
            assertThat(stored.downloadId()).isEqualTo("dl-7");
            assertThat(stored.metadata()).isEqualTo("{\"crm\": 42}");
            assertThat(stored.reference()).isEqualTo("ref-9");
            assertThat(stored.orderType()).isEqualTo("normal");
            assertThat(stored.created()).isEqualTo("2024-02-29");
            assertThat(stored.createdAt()).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        }

        @Test
        void maxLicenseUsersIsKeptAndShownOnUserBasedLicenses() throws Exception {
            OrderResult result = schemaChecked(engine.createOrderJson(COMPANY, """
                    {"id": "o-seats", "items": [{"product_code": "USR", "licenses": [
                      {"users": [{"email": "a@b.com", "is_manager": true}], "max_license_users": 3}]}]}"""));

            License stored = engine.findOrder(COMPANY, "o-seats").orElseThrow().items().get(0).licenses().get(0);
            JsonNode shown = new ObjectMapper().readTree(WIRE.writeResult(result, false))
                    .at("/order_items/0/licenses/0");

            assertThat(stored.properties().maxLicenseUsers()).isEqualTo(3);
            assertThat(shown.path("max_license_users").asInt()).isEqualTo(3);
            assertThat(shown.at("/users/0/is_manager").asBoolean()).isTrue();
        }
    }

    protected static CustomerRequest customer(String email, String reference) {
        return new CustomerRequest(email, null, null, null, null, null, reference, null);
    }

    protected Customer customerByEmail(String email) {
        return store.read(r -> r.findCustomersByEmail(COMPANY, List.of(email))).get(email.toLowerCase());
    }
}
