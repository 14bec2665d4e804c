package dev.licensing.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.VipWrite;
import dev.licensing.api.vip.VipError;
import dev.licensing.api.vip.VipLineItem;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipOrderResult;
import dev.licensing.api.vip.VipRejectedException;
import dev.licensing.api.vip.VipSubscription;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.importing.ImportSummary;
import dev.licensing.core.vip.VipImportOutcome;
import dev.licensing.core.vip.VipJson;
import dev.licensing.core.vip.VipMarketplace;
import dev.licensing.core.vip.VipOrderOptions;
import dev.licensing.core.vip.VipOrderPage;
import dev.licensing.core.vip.VipOrderQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static dev.licensing.testkit.VipTestCatalog.ADD_ON;
import static dev.licensing.testkit.VipTestCatalog.CUSTOMER;
import static dev.licensing.testkit.VipTestCatalog.EDU_OFFER;
import static dev.licensing.testkit.VipTestCatalog.ENTERPRISE;
import static dev.licensing.testkit.VipTestCatalog.FIXED;
import static dev.licensing.testkit.VipTestCatalog.NOT_RETURNABLE;
import static dev.licensing.testkit.VipTestCatalog.OFFER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The VIP Marketplace dialect (design/vip-marketplace.md) through {@code engine.vip()}, on a real store: every rule in
 * its order, with Adobe's code, details and HTTP status and a store left as it was; NEW's subscriptions, RETURN's
 * quantities and windows, PREVIEW's prices, kept answers. Each store module runs it from its test sources.
 */
public abstract class VipConformanceSuite {
    protected static final String COMPANY = "acme";
    protected static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    protected static final long SEED = 7;
    /** Numbers as written: 100.00 stays 100.00. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final VipJson WIRE = new VipJson();

    /** The page's request, as the page writes it: comments and trailing commas included. */
    protected static final String PAGE_REQUEST = """
            {
            "externalReferenceId": "759", // (optional)
            "currencyCode": "USD", // (to be deprecated, use lineItem currencyCode)
            "orderType": "NEW",
            "referenceOrderId": "", // (for returns only)
            "lineItems": [
            {
            "extLineItemNumber": 4,
            "offerId": "80004567EA01A12",
            "quantity": 1,
            "currencyCode": "USD",
            "deploymentId": "12345",
            },
            ],
            }""";

    protected LicenseStore store;

    /** A fresh, empty store. */
    protected abstract LicenseStore openStore();

    @BeforeEach
    void setUpStore() {
        store = openStore();
        engineAt(NOW).replaceCatalog(COMPANY, VipTestCatalog.catalog());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected LicenseEngine engineAt(Instant now) {
        return LicenseEngine.builder(store).clock(Clock.fixed(now, ZoneOffset.UTC)).random(new Random(SEED)).build();
    }

    protected VipMarketplace vip() {
        return vip(NOW);
    }

    protected VipMarketplace vip(Instant now) {
        return engineAt(now).vip();
    }

    protected static String order(String type, String... lines) {
        return "{\"orderType\": \"" + type + "\", \"lineItems\": [" + String.join(", ", lines) + "]}";
    }

    protected static String returnOf(String orderId, String... lines) {
        return "{\"orderType\": \"RETURN\", \"referenceOrderId\": \"" + orderId + "\", \"lineItems\": ["
                + String.join(", ", lines) + "]}";
    }

    protected static String line(int ext, String offer, int quantity) {
        return "{\"extLineItemNumber\": " + ext + ", \"offerId\": \"" + offer + "\", \"quantity\": " + quantity + "}";
    }

    protected static String line(int ext, String offer, int quantity, String extra) {
        return "{\"extLineItemNumber\": " + ext + ", \"offerId\": \"" + offer + "\", \"quantity\": " + quantity + ", "
                + extra + "}";
    }

    protected VipOrderResult place(String customer, String body) {
        return vip().createOrderJson(COMPANY, customer, body, VipOrderOptions.DEFAULTS);
    }

    /** The rejection, after checking that the customer's orders and subscriptions did not change. */
    protected VipError rejected(VipMarketplace vip, String customer, String body, VipOrderOptions options) {
        List<Object> before = state(customer);
        VipRejectedException e = catchThrowableOfType(VipRejectedException.class,
                () -> vip.createOrderJson(COMPANY, customer, body, options));
        assertThat(e).as("rejected").isNotNull();
        assertThat(state(customer)).isEqualTo(before);
        return e.error();
    }

    protected VipError rejected(String customer, String body) {
        return rejected(vip(), customer, body, VipOrderOptions.DEFAULTS);
    }

    protected List<VipOrder> storedOrders(String customer) {
        return store.read(reader -> reader.vipOrders(COMPANY, customer));
    }

    protected Optional<LocalDate> storedCoterm(String customer) {
        return store.read(reader -> reader.vipCoterm(COMPANY, customer));
    }

    private List<Object> state(String customer) {
        return store.read(reader -> List.of(reader.vipOrders(COMPANY, customer),
                reader.vipSubscriptions(COMPANY, customer), reader.vipCoterm(COMPANY, customer)));
    }

    protected static void assertError(VipError error, String code, int httpStatus, String... details) {
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.httpStatus()).isEqualTo(httpStatus);
        assertThat(error.additionalDetails()).containsExactly(details);
    }

    protected static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    protected static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }

    // ---- NEW and Get Order ----

    @Test
    void thePagesRequestGetsThePagesResponseShape() {
        VipOrderResult result = place(CUSTOMER, PAGE_REQUEST);

        assertThat(result.httpStatus()).isEqualTo(201);
        JsonNode response = tree(WIRE.writeOrder(result.order(), false));
        assertThat(keys(response)).containsExactly("externalReferenceId", "orderId", "customerId", "orderType",
                "referenceOrderId", "currencyCode", "creationDate", "status", "source", "lineItems", "links");
        assertThat(response.get("orderId").asText()).matches("[0-9]{10}");
        assertThat(response.get("externalReferenceId").asText()).isEqualTo("759");
        assertThat(response.get("customerId").asText()).isEqualTo(CUSTOMER);
        assertThat(response.get("creationDate").asText()).isEqualTo("2026-06-15T10:00:00Z");
        assertThat(response.get("status").asText()).isEqualTo("1002");
        assertThat(response.get("source").asText()).isEqualTo("API");
        JsonNode line = response.get("lineItems").get(0);
        assertThat(keys(line)).containsExactly("extLineItemNumber", "offerId", "quantity", "subscriptionId", "status",
                "currencyCode", "deploymentId");
        assertThat(line.get("extLineItemNumber").isInt()).isTrue();
        assertThat(line.get("subscriptionId").asText()).isEmpty();
        assertThat(line.get("status").asText()).isEqualTo("1002");
        assertThat(line.get("deploymentId").asText()).isEqualTo("12345");
        JsonNode self = response.get("links").get("self");
        assertThat(self.get("uri").asText()).isEqualTo("/v3/customers/" + CUSTOMER + "/orders/"
                + response.get("orderId").asText());
        assertThat(self.get("method").asText()).isEqualTo("GET");
        assertThat(self.get("headers").isArray()).isTrue();
    }

    @Test
    void getOrderShowsTheOrderCompleteWithItsSubscriptionAndRemainingQuantity() {
        String orderId = place(CUSTOMER, PAGE_REQUEST).order().orderId();

        VipOrder fetched = vip().getOrder(COMPANY, CUSTOMER, orderId, false);

        assertThat(fetched.status()).isEqualTo("1000");
        VipLineItem line = fetched.lineItems().get(0);
        assertThat(line.status()).isEqualTo("1000");
        assertThat(line.subscriptionId()).matches("[0-9a-f]{30}NA");
        assertThat(line.remainingQuantity()).isEqualTo(1);
        assertThat(line.pricing()).isNull();
        VipSubscription subscription = vip().subscription(COMPANY, CUSTOMER, line.subscriptionId());
        assertThat(subscription.currentQuantity()).isEqualTo(1);
        assertThat(subscription.usedQuantity()).isZero();
        assertThat(subscription.currencyCode()).isEqualTo("USD");
        assertThat(subscription.deploymentId()).isEqualTo("12345");
        assertThat(subscription.creationDate()).isEqualTo(NOW);
        // No coterm in the catalog: the first NEW sets it a year after its UTC date.
        assertThat(subscription.renewalDate()).isEqualTo(LocalDate.parse("2027-06-15"));
        assertThat(subscription.autoRenewalEnabled()).isTrue();
        assertThat(subscription.status()).isEqualTo("1000");
    }

    @Test
    void getOrderOfAnotherCustomersOrderOrAnUnknownIdIs2115() {
        String orderId = place(CUSTOMER, PAGE_REQUEST).order().orderId();

        VipRejectedException other = catchThrowableOfType(VipRejectedException.class,
                () -> vip().getOrder(COMPANY, "C-EUR", orderId, false));
        VipRejectedException unknown = catchThrowableOfType(VipRejectedException.class,
                () -> vip().getOrder(COMPANY, CUSTOMER, "0000000000", false));

        assertError(other.error(), "2115", 404);
        assertError(unknown.error(), "2115", 404);
    }

    @Test
    void aSecondNewAddsToTheActiveSubscriptionOfTheOfferAndDeployment() {
        place(CUSTOMER, order("NEW", line(1, OFFER, 2)));
        place(CUSTOMER, order("NEW", line(1, OFFER, 3), line(2, OFFER, 1, "\"deploymentId\": \"d2\"")));

        List<VipSubscription> subscriptions = vip().subscriptions(COMPANY, CUSTOMER);

        assertThat(subscriptions).extracting(VipSubscription::deploymentId, VipSubscription::currentQuantity)
                .containsExactly(tuple(null, 5), tuple("d2", 1));
        assertThat(subscriptions.get(0).subscriptionId()).isNotEqualTo(subscriptions.get(1).subscriptionId());
    }

    @Test
    void theCatalogsCotermDateIsTheRenewalDateOfNewSubscriptions() {
        VipOrderResult result = place("C-COTERM", order("NEW", line(1, OFFER, 1)));
        String subscriptionId = vip().getOrder(COMPANY, "C-COTERM", result.order().orderId(), false)
                .lineItems().get(0).subscriptionId();

        VipSubscription subscription = vip().subscription(COMPANY, "C-COTERM", subscriptionId);
        assertThat(subscription.renewalDate()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(subscription.autoRenewalEnabled()).isFalse();
    }

    @Test
    void aFeb29OrderSetsTheCotermToFeb28() {
        VipMarketplace leap = vip(Instant.parse("2028-02-29T23:00:00Z"));
        leap.createOrderJson(COMPANY, CUSTOMER, order("NEW", line(1, OFFER, 1)), VipOrderOptions.DEFAULTS);

        assertThat(leap.subscriptions(COMPANY, CUSTOMER).get(0).renewalDate())
                .isEqualTo(LocalDate.parse("2029-02-28"));
    }

    @Test
    void anInactiveCustomersNewIsAcceptedThenFailsWithNothingProvisioned() {
        VipOrderResult result = place("C-INACTIVE", order("NEW", line(1, OFFER, 1)));

        assertThat(result.httpStatus()).isEqualTo(201);
        assertThat(result.order().status()).isEqualTo("1002");
        VipOrder fetched = vip().getOrder(COMPANY, "C-INACTIVE", result.order().orderId(), false);
        assertThat(fetched.status()).isEqualTo("1024");
        assertThat(fetched.lineItems().get(0).subscriptionId()).isEmpty();
        assertThat(vip().subscriptions(COMPANY, "C-INACTIVE")).isEmpty();
    }

    @Test
    void theSeedFixesTheIds() {
        String first = place(CUSTOMER, PAGE_REQUEST).order().orderId();
        LicenseStore other = openStore();
        try {
            LicenseEngine again = LicenseEngine.builder(other).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .random(new Random(SEED)).build();
            again.replaceCatalog(COMPANY, VipTestCatalog.catalog());
            assertThat(again.vip().createOrderJson(COMPANY, CUSTOMER, PAGE_REQUEST, VipOrderOptions.DEFAULTS)
                    .order().orderId()).isEqualTo(first);
        } finally {
            other.close();
        }
    }

    // ---- PREVIEW and pricing ----

    @Test
    void aPreviewWritesNothingAndShowsNoIdNorStatus() {
        VipOrderResult result = vip().createOrderJson(COMPANY, CUSTOMER, order("PREVIEW", line(1, OFFER, 2)),
                VipOrderOptions.DEFAULTS);

        assertThat(result.httpStatus()).isEqualTo(200);
        JsonNode response = tree(WIRE.writeOrder(result.order(), false));
        assertThat(response.get("orderId").asText()).isEmpty();
        assertThat(response.get("status").asText()).isEmpty();
        assertThat(response.has("source")).isFalse();
        assertThat(response.has("links")).isFalse();
        assertThat(response.get("lineItems").get(0).get("status").asText()).isEmpty();
        assertThat(response.get("lineItems").get(0).has("pricing")).isFalse();
        assertThat(vip().subscriptions(COMPANY, CUSTOMER)).isEmpty();
        assertThat(storedOrders(CUSTOMER)).isEmpty();
        assertThat(storedCoterm(CUSTOMER)).isEmpty();
    }

    @Test
    void fetchPricePricesThePreviewToTheCotermTruncatingEachStep() {
        // coterm 2026-12-01: 169 of 365 days left on 2026-06-15.
        VipOrderResult result = vip().createOrderJson(COMPANY, "C-COTERM", order("PREVIEW", line(1, OFFER, 3),
                line(2, ENTERPRISE, 2, "\"flexDiscountCodes\": [\"FLEX10\"]")),
                VipOrderOptions.DEFAULTS.withFetchPrice(true));

        JsonNode response = tree(WIRE.writeOrder(result.order(), false));
        JsonNode first = response.get("lineItems").get(0);
        assertThat(first.get("proratedDays").asInt()).isEqualTo(169);
        assertThat(first.get("pricing").toString()).isEqualTo("{\"partnerPrice\":100.00,"
                + "\"discountedPartnerPrice\":100.00,\"netPartnerPrice\":46.301,\"lineItemPartnerPrice\":138.90}");
        // 10% of 359.88 is 35.988: truncated to 35.98 (half-up would give 35.99, and 323.89).
        JsonNode second = response.get("lineItems").get(1);
        assertThat(second.get("pricing").toString()).isEqualTo("{\"partnerPrice\":359.88,"
                + "\"discountedPartnerPrice\":323.90,\"netPartnerPrice\":149.970,\"lineItemPartnerPrice\":299.94}");
        assertThat(second.get("flexDiscounts").toString())
                .isEqualTo("[{\"id\":\"fd-10\",\"code\":\"FLEX10\",\"result\":\"SUCCESS\"}]");
        assertThat(response.get("pricingSummary").toString())
                .isEqualTo("[{\"totalLineItemPartnerPrice\":438.84,\"currencyCode\":\"USD\"}]");
    }

    @Test
    void amountFlexDiscountsAndFixedOffersAndAFirstOrdersFullTerm() {
        VipOrderResult result = vip().createOrderJson(COMPANY, CUSTOMER, order("PREVIEW",
                line(1, OFFER, 1, "\"flexDiscountCodes\": [\"FLEXAMT\"]"), line(2, FIXED, 1)),
                VipOrderOptions.DEFAULTS.withFetchPrice(true));

        VipLineItem amount = result.order().lineItems().get(0);
        assertThat(amount.proratedDays()).isEqualTo(365);
        assertThat(amount.pricing().discountedPartnerPrice()).isEqualByComparingTo("75.00");
        assertThat(amount.pricing().netPartnerPrice()).isEqualByComparingTo("75.000");
        VipLineItem fixed = vip().createOrderJson(COMPANY, "C-COTERM", order("PREVIEW", line(2, FIXED, 1)),
                VipOrderOptions.DEFAULTS.withFetchPrice(true)).order().lineItems().get(0);
        assertThat(fixed.proratedDays()).isEqualTo(365);
        assertThat(fixed.pricing().lineItemPartnerPrice()).isEqualByComparingTo("50.00");
    }

    @Test
    void getOrderWithFetchPriceShowsThePricesFixedAtPlacement() {
        String orderId = place("C-COTERM", order("NEW", line(1, OFFER, 3))).order().orderId();

        VipOrder priced = vip(NOW.plus(Duration.ofDays(30))).getOrder(COMPANY, "C-COTERM", orderId, true);

        assertThat(priced.lineItems().get(0).pricing().lineItemPartnerPrice()).isEqualByComparingTo("138.90");
        assertThat(priced.pricingSummary()).singleElement()
                .satisfies(total -> assertThat(total.totalLineItemPartnerPrice()).isEqualTo(new BigDecimal("138.90")));
    }

    @Test
    void hvdCustomersMayGiveTheirDiscountCode() {
        VipOrderResult result = place("C-HVD", order("NEW", line(1, OFFER, 1, "\"discountCode\": \"HVD_L18_PRE\"")));

        assertThat(result.order().lineItems().get(0).discountCode()).isEqualTo("HVD_L18_PRE");
        assertError(rejected("C-HVD", order("NEW", line(1, OFFER, 1, "\"discountCode\": \"HVD_L19_PRE\""))),
                "5135", 400, "Line Item: 1");
        assertError(rejected(CUSTOMER, order("NEW", line(1, OFFER, 1, "\"discountCode\": \"HVD_L18_PRE\""))),
                "5135", 400, "Line Item: 1");
    }

    // ---- RETURN ----

    @Test
    void partialReturnsLowerTheRemainingQuantityDownToZero() {
        String orderId = place(CUSTOMER, order("NEW", line(1, OFFER, 5), line(2, ENTERPRISE, 1))).order().orderId();

        VipOrderResult first = place(CUSTOMER, returnOf(orderId, line(1, OFFER, 2)));
        assertThat(first.httpStatus()).isEqualTo(201);
        assertThat(first.order().orderType().name()).isEqualTo("RETURN");
        VipOrder original = vip().getOrder(COMPANY, CUSTOMER, orderId, false);
        assertThat(original.lineItems().get(0).remainingQuantity()).isEqualTo(3);
        assertThat(original.status()).isEqualTo("1000");
        String subscriptionId = original.lineItems().get(0).subscriptionId();
        assertThat(vip().subscription(COMPANY, CUSTOMER, subscriptionId).currentQuantity()).isEqualTo(3);
        VipOrder returned = vip().getOrder(COMPANY, CUSTOMER, first.order().orderId(), false);
        assertThat(returned.status()).isEqualTo("1000");
        assertThat(returned.lineItems().get(0).subscriptionId()).isEqualTo(subscriptionId);
        assertThat(returned.lineItems().get(0).remainingQuantity()).isNull();

        place(CUSTOMER, returnOf(orderId, line(1, OFFER, 3)));
        original = vip().getOrder(COMPANY, CUSTOMER, orderId, false);
        assertThat(original.lineItems().get(0).remainingQuantity()).isZero();
        assertThat(original.lineItems().get(0).status()).isEqualTo("1008");
        assertThat(original.status()).isEqualTo("1000");
        assertThat(vip().subscription(COMPANY, CUSTOMER, subscriptionId).status()).isEqualTo("1004");

        assertError(rejected(CUSTOMER, returnOf(orderId, line(1, OFFER, 1))), "2133", 400, "Line Item: 1");
        place(CUSTOMER, returnOf(orderId, line(2, ENTERPRISE, 1)));
        assertThat(vip().getOrder(COMPANY, CUSTOMER, orderId, false).status()).isEqualTo("1008");
    }

    @Test
    void aReturnIsPricedAsTheOriginalLine() {
        String orderId = place("C-COTERM", order("NEW", line(1, OFFER, 3))).order().orderId();
        String returnId = vip(NOW.plus(Duration.ofDays(5))).createOrderJson(COMPANY, "C-COTERM",
                returnOf(orderId, line(1, OFFER, 1)), VipOrderOptions.DEFAULTS).order().orderId();

        VipLineItem line = vip().getOrder(COMPANY, "C-COTERM", returnId, true).lineItems().get(0);
        assertThat(line.proratedDays()).isEqualTo(169);
        assertThat(line.pricing().lineItemPartnerPrice()).isEqualByComparingTo("46.30");
    }

    @Test
    void aReturnLineCarriesTheOriginalLinesFlexDiscount() {
        String orderId = place(CUSTOMER, order("NEW", line(1, OFFER, 2, "\"flexDiscountCodes\": [\"FLEX10\"]")))
                .order().orderId();

        VipOrderResult returned = place(CUSTOMER, returnOf(orderId,
                line(1, OFFER, 1, "\"flexDiscountCodes\": [\"NOT-A-CODE\"]")));

        assertThat(returned.order().lineItems().get(0).flexDiscounts()).extracting(d -> d.code())
                .containsExactly("FLEX10");
    }

    @Test
    void returnRulesInTheirOrder() {
        String orderId = place(CUSTOMER, order("NEW", line(1, OFFER, 2), line(2, NOT_RETURNABLE, 1))).order()
                .orderId();
        String returnId = place(CUSTOMER, returnOf(orderId, line(1, OFFER, 1))).order().orderId();

        assertError(rejected(CUSTOMER, returnOf("0000000000", line(1, OFFER, 1))), "2115", 404, "referenceOrderId");
        assertError(rejected("C-EUR", returnOf(orderId, line(1, OFFER, 1))), "2115", 404, "referenceOrderId");
        assertError(rejected(CUSTOMER, returnOf(returnId, line(1, OFFER, 1))), "1117", 400, "referenceOrderId");
        assertError(rejected(CUSTOMER, returnOf(orderId, line(9, OFFER, 1))), "2131", 400, "Line Item: 9");
        assertError(rejected(CUSTOMER, returnOf(orderId, line(1, ENTERPRISE, 1))), "2130", 400, "Line Item: 1");
        assertError(rejected(CUSTOMER, returnOf(orderId, line(2, NOT_RETURNABLE, 1))), "2127", 400,
                "Line Item: 2, Reason: PARTIAL_CANCELLATION_NOT_ALLOWED_FOR_SCP_OR_CONSUMABLE");
        VipError exceeds = rejected(CUSTOMER, returnOf(orderId, line(1, OFFER, 2)));
        assertError(exceeds, "RETURN_QTY_EXCEEDS_REMAINING", 422, "Line Item: 1");
        assertError(rejected(CUSTOMER, returnOf(orderId, line(1, OFFER, 1, "\"currencyCode\": \"EUR\""))),
                "2137", 400, "Line Item: 1");
        assertError(rejected(CUSTOMER, "{\"orderType\": \"RETURN\", \"lineItems\": [" + line(1, OFFER, 1) + "]}"),
                "1122", 400, "referenceOrderId");
    }

    @Test
    void aReturnAfterFourteenDaysIs2134() {
        String orderId = place(CUSTOMER, order("NEW", line(1, OFFER, 2), line(2, OFFER, 1, "\"deploymentId\": \"x\"")))
                .order().orderId();
        Instant lastMoment = NOW.plus(Duration.ofDays(14));

        assertError(rejected(vip(lastMoment.plusSeconds(1)), CUSTOMER, returnOf(orderId, line(1, OFFER, 1)),
                VipOrderOptions.DEFAULTS), "2134", 400, "Line Item: 1");
        assertThat(vip(lastMoment).createOrderJson(COMPANY, CUSTOMER, returnOf(orderId, line(1, OFFER, 1)),
                VipOrderOptions.DEFAULTS).httpStatus()).isEqualTo(201);
    }

    // ---- the rules, in their order ----

    @Test
    void anUnknownCustomerIs1116Everywhere() {
        assertError(rejected("nobody", PAGE_REQUEST), "1116", 404);
        assertError(catchThrowableOfType(VipRejectedException.class,
                () -> vip().subscriptions(COMPANY, "nobody")).error(), "1116", 404);
        assertError(catchThrowableOfType(VipRejectedException.class,
                () -> vip().orders(COMPANY, "nobody", VipOrderQuery.ALL)).error(), "1116", 404);
    }

    @Test
    void structureRulesComeFirstAndNameTheirPaths() {
        assertError(rejected(CUSTOMER, "[1]"), "1117", 400);
        assertError(rejected(CUSTOMER, "not json"), "1117", 400);
        assertError(rejected(CUSTOMER, "{\"orderType\": \"NEW\", \"bogus\": 1, \"lineItems\": ["
                + line(1, OFFER, 1, "\"extra\": true") + "], \"quantity\": 3}"), "1121", 400,
                "bogus", "lineItems[0].extra", "quantity");
        assertError(rejected(CUSTOMER, "{\"lineItems\": [{\"offerId\": 7}]}"), "1122", 400,
                "orderType", "lineItems[0].extLineItemNumber", "lineItems[0].quantity");
        assertError(rejected(CUSTOMER, "{\"orderType\": \"NEW\", \"lineItems\": []}"), "1122", 400, "lineItems");
        assertError(rejected(CUSTOMER, "{\"orderType\": \"BUY\", \"currencyCode\": \"usd\", \"lineItems\": ["
                + "{\"extLineItemNumber\": \"1\", \"offerId\": \"" + OFFER + "\", \"quantity\": 1.5}]}"),
                "1117", 400, "orderType", "lineItems[0].extLineItemNumber", "lineItems[0].quantity", "currencyCode");
        assertError(rejected(CUSTOMER, "{\"orderType\": \"NEW\", \"referenceOrderId\": \"123\", \"lineItems\": ["
                + line(1, OFFER, 1) + "]}"), "1117", 400, "referenceOrderId");
    }

    @Test
    void aLineThatIsNoObjectKeepsTheOthersAtTheirIndexes() {
        assertError(rejected(CUSTOMER, "{\"orderType\": \"NEW\", \"lineItems\": [5, {\"offerId\": \"X\"}]}"), "1122",
                400, "lineItems[1].extLineItemNumber", "lineItems[1].quantity");
        assertError(rejected(CUSTOMER, "{\"orderType\": \"NEW\", \"lineItems\": [5, " + line(1, OFFER, 1) + "]}"),
                "1117", 400, "lineItems[0]");
    }

    @Test
    void vipWritesRollBackWithTheirTransactionAndStayInTheirCompany() {
        String orderId = place(CUSTOMER, PAGE_REQUEST).order().orderId();
        VipOrder stored = storedOrders(CUSTOMER).get(0);

        assertThat(catchThrowableOfType(IllegalStateException.class, () -> store.inTransaction(tx -> {
            tx.writeVip(new VipWrite(COMPANY, CUSTOMER, LocalDate.parse("2030-01-01"),
                    List.of(stored.withLines("1008", stored.lineItems())), List.of(), null));
            throw new IllegalStateException("rolled back");
        }))).isNotNull();

        assertThat(vip().getOrder(COMPANY, CUSTOMER, orderId, false).status()).isEqualTo("1000");
        assertThat(storedCoterm(CUSTOMER)).contains(LocalDate.parse("2027-06-15"));
        Optional<VipOrder> elsewhere = store.read(reader -> reader.findVipOrder("other", orderId));
        List<VipOrder> otherOrders = store.read(reader -> reader.vipOrders("other", CUSTOMER));
        assertThat(elsewhere).isEmpty();
        assertThat(otherOrders).isEmpty();
    }

    @Test
    void responseFieldsAndNullsInARequestAreIgnored() {
        VipOrderResult result = place(CUSTOMER, "{\"orderType\": \"NEW\", \"orderId\": \"1\", \"status\": \"1002\","
                + " \"externalReferenceId\": null, \"lineItems\": [" + line(1, OFFER, 1,
                "\"status\": \"1000\", \"subscriptionId\": \"abc\", \"discountCode\": null") + "]}");

        assertThat(result.order().externalReferenceId()).isEmpty();
        assertThat(result.order().lineItems().get(0).discountCode()).isNull();
    }

    @Test
    void orderRulesFrom2126To5122() {
        assertError(rejected(CUSTOMER, "{\"orderType\": \"NEW\", \"externalReferenceId\": \"" + "x".repeat(36)
                + "\", \"lineItems\": [" + line(1, OFFER, 1) + "]}"), "2126", 400, "externalReferenceId");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(line(i, OFFER, 1));
        }
        assertError(rejected(CUSTOMER, order("NEW", many.toArray(String[]::new))), "2119", 400);
        assertError(rejected(CUSTOMER, order("NEW", line(1000000, OFFER, 1), line(-1, OFFER, 1))), "2123", 400,
                "Line Item: 1000000", "Line Item: -1");
        assertError(rejected(CUSTOMER, order("NEW", line(1, OFFER, 1), line(1, ENTERPRISE, 1))), "2121", 400,
                "Line Item: 1", "Line Item: 1");
        assertError(rejected(CUSTOMER, order("NEW", line(1, OFFER, 0), line(2, OFFER, 10001),
                line(3, ENTERPRISE, 200000), line(4, ENTERPRISE, 200001))), "2120", 400,
                "Line Item: 1", "Line Item: 2", "Line Item: 4");
        assertError(rejected("C-EUR", "{\"orderType\": \"NEW\", \"currencyCode\": \"USD\", \"lineItems\": ["
                + line(1, OFFER, 1, "\"currencyCode\": \"EUR\"") + "]}"), "2140", 400, "Line Item: 1");
        assertError(rejected(CUSTOMER, order("NEW", line(1, OFFER, 1, "\"currencyCode\": \"EUR\""))), "2137", 400,
                "Line Item: 1");
        assertError(rejected(vip(Instant.parse("2026-12-01T00:00:00Z")), "C-COTERM", order("NEW", line(1, OFFER, 1)),
                VipOrderOptions.DEFAULTS), "5122", 400);
    }

    @Test
    void newLineRulesFrom2122To2129() {
        assertError(rejected(CUSTOMER, order("NEW", line(1, "NOPE", 1))), "2122", 400, "Line Item: 1");
        assertError(rejected(CUSTOMER, order("NEW", line(1, EDU_OFFER, 1), line(2, ADD_ON, 1))), "2129", 400,
                "Line Item: 1, Reason: INELIGIBLE_MARKET_SEGMENT", "Line Item: 2, Reason: INELIGIBLE_ADD_ON");
        assertThat(place(CUSTOMER, order("NEW", line(1, ADD_ON, 1), line(2, OFFER, 1))).httpStatus()).isEqualTo(201);
        assertThat(place(CUSTOMER, order("NEW", line(1, ADD_ON, 1))).httpStatus()).isEqualTo(201);
    }

    @Test
    void currencyRulesOfLines() {
        assertError(rejected("C-EUR", order("NEW", line(1, ENTERPRISE, 1))), "2128", 400, "Line Item: 1");
        place("C-EUR", order("NEW", line(1, OFFER, 1)));
        assertError(rejected("C-EUR", order("NEW", line(1, OFFER, 1, "\"currencyCode\": \"USD\""))), "2137", 400,
                "Line Item: 1");
        assertError(rejected(vip(), "C-EUR", order("PREVIEW", line(1, OFFER, 1, "\"deploymentId\": \"d\""),
                line(2, ENTERPRISE, 1, "\"currencyCode\": \"USD\"")), VipOrderOptions.DEFAULTS.withFetchPrice(true)),
                "2148", 400);
    }

    @Test
    void flexDiscountRulesFrom2147To2141() {
        assertError(rejected(CUSTOMER, order("NEW", line(1, OFFER, 1, "\"flexDiscountCodes\": [\"FLEX10\", \"OLD\"]"))),
                "2147", 400, "Line Item: 1");
        assertError(rejected(CUSTOMER, order("NEW", line(1, OFFER, 1, "\"flexDiscountCodes\": [\"NOPE\"]"))),
                "2146", 400, "Line Item: 1, Reason: NOT_FOUND");
        assertError(rejected(CUSTOMER, order("NEW", line(1, OFFER, 1),
                line(2, ADD_ON, 1, "\"flexDiscountCodes\": [\"FLEX10\"]"))), "2145", 400, "Line Item: 2");
        assertError(rejected("C-HVD", order("NEW", line(1, OFFER, 1,
                "\"discountCode\": \"HVD_L18_PRE\", \"flexDiscountCodes\": [\"FLEX10\"]"))), "2144", 400,
                "Line Item: 1");
        assertError(rejected("C-NOFLEX", order("NEW", line(1, OFFER, 1, "\"flexDiscountCodes\": [\"FLEX10\"]"))),
                "2141", 400, "Line Item: 1, Reason: INELIGIBLE_COMMITMENT_STATUS_OR_NOT_ELIGIBLE");
        assertError(rejected(CUSTOMER, order("NEW", line(1, OFFER, 1, "\"flexDiscountCodes\": [\"OLD\"]"),
                line(2, ENTERPRISE, 1, "\"flexDiscountCodes\": [\"FLEXAMT\"]"))), "2141", 400,
                "Line Item: 1, Reason: Invalid Flexible Discount", "Line Item: 2, Reason: Invalid Flexible Discount");
        VipOrderResult empty = place(CUSTOMER, order("NEW", line(1, OFFER, 1, "\"flexDiscountCodes\": []")));
        assertThat(empty.order().lineItems().get(0).flexDiscounts()).isEmpty();
    }

    // ---- correlation ids ----

    @Test
    void aCorrelationIdReplaysTheFirstAnswerForTenDays() {
        VipOrderOptions options = VipOrderOptions.DEFAULTS.withCorrelationId("corr-1");
        VipOrderResult first = vip().createOrderJson(COMPANY, CUSTOMER, PAGE_REQUEST, options);

        VipOrderResult again = vip(NOW.plus(Duration.ofDays(10))).createOrderJson(COMPANY, "C-EUR",
                order("NEW", line(1, OFFER, 9)), options);

        assertThat(again.replayed()).isTrue();
        assertThat(again.httpStatus()).isEqualTo(201);
        assertThat(WIRE.writeOrder(again.order(), true)).isEqualTo(WIRE.writeOrder(first.order(), true));
        assertThat(storedOrders(CUSTOMER)).hasSize(1);
        assertThat(storedOrders("C-EUR")).isEmpty();
        VipOrderResult later = vip(NOW.plus(Duration.ofDays(10)).plusSeconds(1)).createOrderJson(COMPANY, CUSTOMER,
                PAGE_REQUEST, options);
        assertThat(later.replayed()).isFalse();
        assertThat(later.order().orderId()).isNotEqualTo(first.order().orderId());
    }

    @Test
    void aRejectionIsKeptAndReplayedToo() {
        VipOrderOptions options = VipOrderOptions.DEFAULTS.withCorrelationId("corr-2");
        VipError first = rejected(vip(), CUSTOMER, order("NEW", line(1, "NOPE", 1)), options);

        VipError again = rejected(vip(), CUSTOMER, PAGE_REQUEST, options);

        assertThat(again).isEqualTo(first);
        VipOrderResult preview = vip().createOrderJson(COMPANY, CUSTOMER, order("PREVIEW", line(1, OFFER, 1)),
                VipOrderOptions.DEFAULTS.withCorrelationId("corr-3"));
        assertThat(vip().createOrderJson(COMPANY, CUSTOMER, PAGE_REQUEST,
                VipOrderOptions.DEFAULTS.withCorrelationId("corr-3")).order()).isEqualTo(preview.order());
        assertError(rejected(vip(), CUSTOMER, PAGE_REQUEST, VipOrderOptions.DEFAULTS.withCorrelationId("")),
                "4119", 400);
    }

    // ---- history and subscriptions ----

    @Test
    void historyIsNewestFirstFilteredAndPaged() {
        String first = place(CUSTOMER, order("NEW", line(1, OFFER, 3))).order().orderId();
        String second = vip(NOW.plusSeconds(60)).createOrderJson(COMPANY, CUSTOMER, order("NEW", line(1, OFFER, 1)),
                VipOrderOptions.DEFAULTS).order().orderId();
        String third = vip(NOW.plusSeconds(60)).createOrderJson(COMPANY, CUSTOMER, returnOf(first, line(1, OFFER, 1)),
                VipOrderOptions.DEFAULTS).order().orderId();

        VipOrderPage all = vip().orders(COMPANY, CUSTOMER, VipOrderQuery.ALL);
        assertThat(all.orders()).extracting(VipOrder::orderId).containsExactly(third, second, first);
        assertThat(all.totalCount()).isEqualTo(3);
        assertThat(all.limit()).isEqualTo(25);
        assertThat(all.next()).isNull();
        VipOrderPage returns = vip().orders(COMPANY, CUSTOMER, new VipOrderQuery(List.of("RETURN"), List.of(), 1, 0));
        assertThat(returns.orders()).extracting(VipOrder::orderId).containsExactly(third);
        VipOrderPage paged = vip().orders(COMPANY, CUSTOMER, new VipOrderQuery(List.of(), List.of("1000"), 1, 1));
        assertThat(paged.orders()).extracting(VipOrder::orderId).containsExactly(second);
        assertThat(paged.next()).isEqualTo("/v3/customers/" + CUSTOMER + "/orders?status=1000&offset=2&limit=1");
        assertThat(paged.prev()).isEqualTo("/v3/customers/" + CUSTOMER + "/orders?status=1000&offset=0&limit=1");
        assertThat(vip().orders(COMPANY, CUSTOMER, new VipOrderQuery(List.of(), List.of(), 500, 0)).limit())
                .isEqualTo(100);
        assertError(catchThrowableOfType(VipRejectedException.class, () -> vip().orders(COMPANY, CUSTOMER,
                new VipOrderQuery(List.of("PREVIEW"), List.of(), null, null))).error(), "1132", 400);
        assertError(catchThrowableOfType(VipRejectedException.class, () -> vip().orders(COMPANY, CUSTOMER,
                new VipOrderQuery(List.of(), List.of(), 0, null))).error(), "1132", 400);
        assertError(catchThrowableOfType(VipRejectedException.class, () -> vip().orders(COMPANY, CUSTOMER,
                new VipOrderQuery(List.of(), List.of(), null, 4))).error(), "1133", 400);
    }

    @Test
    void subscriptionsAreListedOldestFirstAndAnUnknownOneIs3115() {
        place(CUSTOMER, order("NEW", line(1, OFFER, 1), line(2, ENTERPRISE, 2)));

        assertThat(vip().subscriptions(COMPANY, CUSTOMER)).extracting(VipSubscription::offerId)
                .containsExactly(OFFER, ENTERPRISE);
        JsonNode page = tree(WIRE.writeSubscriptions(CUSTOMER, vip().subscriptions(COMPANY, CUSTOMER), false));
        assertThat(keys(page)).containsExactly("totalCount", "items", "links");
        assertError(catchThrowableOfType(VipRejectedException.class,
                () -> vip().subscription(COMPANY, CUSTOMER, "nope")).error(), "3115", 404);
    }

    // ---- import of order history ----

    @Test
    void importReplaysHistoryAtEachLinesCreationDate() {
        List<VipImportOutcome> outcomes = new ArrayList<>();
        String newLine = "{\"customerId\": \"" + CUSTOMER + "\", \"correlationId\": \"h-1\", "
                + "\"creationDate\": \"2026-01-10T09:00:00Z\", \"order\": " + order("NEW", line(1, OFFER, 4)) + "}";
        ImportSummary summary = vip().importOrders(COMPANY, List.of(newLine, "",
                "{\"customerId\": \"" + CUSTOMER + "\", \"creationDate\": \"2026-01-01T00:00:00Z\", \"order\": "
                        + order("NEW", line(1, OFFER, 1)) + "}",
                "{\"customerId\": \"nobody\", \"order\": " + order("NEW", line(1, OFFER, 1)) + "}",
                "{\"order\": {}, \"extra\": 1}", "not json").iterator(), false, outcomes::add);

        assertThat(summary.read()).isEqualTo(5);
        assertThat(summary.created()).isEqualTo(1);
        assertThat(summary.rejected()).isEqualTo(4);
        assertThat(outcomes).extracting(VipImportOutcome::line).containsExactly(1L, 3L, 4L, 5L, 6L);
        VipOrderResult placed = ((VipImportOutcome.Created) outcomes.get(0)).result();
        assertThat(placed.order().creationDate()).isEqualTo(Instant.parse("2026-01-10T09:00:00Z"));
        assertThat(vip().subscriptions(COMPANY, CUSTOMER).get(0).renewalDate()).isEqualTo(LocalDate.parse("2027-01-10"));
        assertError(((VipImportOutcome.Rejected) outcomes.get(1)).error(), "1117", 400, "creationDate");
        assertError(((VipImportOutcome.Rejected) outcomes.get(2)).error(), "1116", 404);
        assertError(((VipImportOutcome.Rejected) outcomes.get(3)).error(), "1121", 400, "extra");
        assertError(((VipImportOutcome.Rejected) outcomes.get(4)).error(), "1117", 400);
        // The history's order was placed on 2026-01-10: returning it in June is past the 14 days.
        String orderId = placed.order().orderId();
        assertError(rejected(CUSTOMER, returnOf(orderId, line(1, OFFER, 1))), "2134", 400, "Line Item: 1");

        ImportSummary again = vip().importOrders(COMPANY, List.of(newLine).iterator(), true, outcome -> { });
        assertThat(again.skipped()).isEqualTo(1);
        assertThat(storedOrders(CUSTOMER)).hasSize(1);
    }

    @Test
    void anImportAskedToStopEndsAfterTheLineItPlacedLast() {
        StringBuilder file = new StringBuilder();
        for (int n = 1; n <= 3; n++) {
            file.append("{\"customerId\": \"").append(CUSTOMER).append("\", \"correlationId\": \"s-").append(n)
                    .append("\", \"order\": ").append(order("NEW", line(1, OFFER, 1))).append("}\n");
        }
        List<VipImportOutcome> outcomes = new ArrayList<>();
        ImportSummary summary = vip().importOrders(COMPANY,
                new java.io.ByteArrayInputStream(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                false, outcomes::add, () -> !outcomes.isEmpty());

        assertThat(summary.read()).isEqualTo(1);
        assertThat(summary.created()).isEqualTo(1);
        assertThat(outcomes).extracting(VipImportOutcome::line).containsExactly(1L);
        assertThat(storedOrders(CUSTOMER)).hasSize(1);
    }
}
