package dev.licensing.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.StoreException;
import dev.licensing.api.vip.VipError;
import dev.licensing.api.vip.VipLineItem;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipOrderResult;
import dev.licensing.api.vip.VipOrderType;
import dev.licensing.api.vip.VipRejectedException;
import dev.licensing.api.vip.VipSubscription;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.vip.VipJson;
import dev.licensing.core.vip.VipMarketplace;
import dev.licensing.core.vip.VipOrderOptions;
import dev.licensing.core.vip.VipRenewalRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static dev.licensing.testkit.VipTestCatalog.CUSTOMER;
import static dev.licensing.testkit.VipTestCatalog.ENTERPRISE;
import static dev.licensing.testkit.VipTestCatalog.OFFER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * VIP Marketplace renewals (design/vip-marketplace.md "V2: renewals") through {@code engine.vip()}, on a real store:
 * RENEWAL's early and late windows, PREVIEW_RENEWAL, returns of renewals, Update Subscription and the renewal run
 * (idempotent, all or nothing per customer). The customer's first NEW, on 2026-06-15, sets the coterm date R
 * 2027-06-15. Each store module runs it from its test sources.
 */
public abstract class VipRenewalConformanceSuite {
    protected static final String COMPANY = "acme";
    protected static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    protected static final LocalDate R = LocalDate.parse("2027-06-15");
    private static final String OTHER = "C-EUR";
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final VipJson WIRE = new VipJson();

    protected LicenseStore store;
    private long seed = 11;

    /** A fresh, empty store. */
    protected abstract LicenseStore openStore();

    @BeforeEach
    void setUpStore() {
        store = openStore();
        engine(store, NOW).replaceCatalog(COMPANY, VipTestCatalog.catalog());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** An engine at {@code now}, with a seed of its own (each call draws different ids). */
    private LicenseEngine engine(LicenseStore on, Instant now) {
        return LicenseEngine.builder(on).clock(Clock.fixed(now, ZoneOffset.UTC)).random(new Random(seed++)).build();
    }

    private VipMarketplace vip(Instant now) {
        return engine(store, now).vip();
    }

    /** The engine on day {@code R + days}, at noon UTC. */
    private VipMarketplace day(int days) {
        return vip(R.plusDays(days).atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    /** A NEW order at NOW; the subscription it opened or added to. */
    private String buy(String customer, String offer, int quantity) {
        VipMarketplace vip = vip(NOW);
        String orderId = vip.createOrderJson(COMPANY, customer, order("NEW", line(1, offer, quantity, null)),
                VipOrderOptions.DEFAULTS).order().orderId();
        return vip.getOrder(COMPANY, customer, orderId, false).lineItems().get(0).subscriptionId();
    }

    private static String order(String type, String... lines) {
        return "{\"orderType\": \"" + type + "\", \"lineItems\": [" + String.join(", ", lines) + "]}";
    }

    /** A line; {@code quantity} 0 leaves it out, {@code subscriptionId} {@code null} too. */
    private static String line(int ext, String offer, int quantity, String subscriptionId) {
        return "{\"extLineItemNumber\": " + ext + ", \"offerId\": \"" + offer + "\""
                + (quantity == 0 ? "" : ", \"quantity\": " + quantity)
                + (subscriptionId == null ? "" : ", \"subscriptionId\": \"" + subscriptionId + "\"") + "}";
    }

    private static String renewal(String subscriptionId, int quantity) {
        return order("RENEWAL", line(1, OFFER, quantity, subscriptionId));
    }

    private static String returnOf(String orderId, int quantity) {
        return "{\"orderType\": \"RETURN\", \"referenceOrderId\": \"" + orderId + "\", \"lineItems\": ["
                + line(1, OFFER, quantity, null) + "]}";
    }

    private static VipOrderResult place(VipMarketplace vip, String customer, String body) {
        return vip.createOrderJson(COMPANY, customer, body, VipOrderOptions.DEFAULTS);
    }

    private static VipOrderResult preview(VipMarketplace vip, String body) {
        return vip.createOrderJson(COMPANY, CUSTOMER, body, VipOrderOptions.DEFAULTS.withFetchPrice(true));
    }

    private VipSubscription subscription(String customer, String subscriptionId) {
        return vip(NOW).subscription(COMPANY, customer, subscriptionId);
    }

    private List<Object> state() {
        return store.read(reader -> List.of(reader.vipOrders(COMPANY, CUSTOMER),
                reader.vipSubscriptions(COMPANY, CUSTOMER), reader.vipCoterm(COMPANY, CUSTOMER),
                reader.vipOrders(COMPANY, OTHER), reader.vipSubscriptions(COMPANY, OTHER),
                reader.vipCoterm(COMPANY, OTHER)));
    }

    /** The refusal, after checking that nothing changed. */
    private VipError refused(Runnable call) {
        List<Object> before = state();
        VipRejectedException e = catchThrowableOfType(VipRejectedException.class, call::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(state()).isEqualTo(before);
        return e.error();
    }

    private VipError refused(VipMarketplace vip, String body) {
        return refused(() -> place(vip, CUSTOMER, body));
    }

    private static void assertError(VipError error, String code, int httpStatus, String... details) {
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.httpStatus()).isEqualTo(httpStatus);
        assertThat(error.additionalDetails()).containsExactly(details);
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    private Optional<LocalDate> coterm(String customer) {
        return store.read(reader -> reader.vipCoterm(COMPANY, customer));
    }

    private List<VipOrder> renewalOrders(String customer) {
        return store.read(reader -> reader.vipOrders(COMPANY, customer)).stream()
                .filter(order -> order.orderType() == VipOrderType.RENEWAL).toList();
    }

    // ---- RENEWAL: early ----

    @Test
    void anEarlyRenewalCountsAsRenewedQuantityShownWhileAboveZero() {
        String subscriptionId = buy(CUSTOMER, OFFER, 5);
        assertThat(tree(WIRE.writeSubscription(subscription(CUSTOMER, subscriptionId), false))
                .has("renewedQuantity")).isFalse();

        VipOrderResult result = place(day(-20), CUSTOMER, renewal(subscriptionId, 3));

        assertThat(result.httpStatus()).isEqualTo(201);
        VipLineItem created = result.order().lineItems().get(0);
        assertThat(result.order().orderType()).isEqualTo(VipOrderType.RENEWAL);
        assertThat(result.order().status()).isEqualTo("1002");
        assertThat(result.order().source()).isEqualTo("API");
        assertThat(created.subscriptionId()).isEqualTo(subscriptionId);
        assertThat(created.status()).isEqualTo("1002");
        VipOrder fetched = day(-20).getOrder(COMPANY, CUSTOMER, result.order().orderId(), true);
        assertThat(fetched.status()).isEqualTo("1000");
        assertThat(fetched.lineItems().get(0).remainingQuantity()).isEqualTo(3);
        // The next term's days, 2027-06-15 to 2028-06-15 (a Feb 29 between), at the catalog's price.
        assertThat(fetched.lineItems().get(0).proratedDays()).isEqualTo(366);
        assertThat(fetched.lineItems().get(0).pricing().lineItemPartnerPrice()).isEqualByComparingTo("300.00");
        VipSubscription after = subscription(CUSTOMER, subscriptionId);
        assertThat(after.currentQuantity()).isEqualTo(5);
        assertThat(after.renewedQuantity()).isEqualTo(3);
        assertThat(after.renewalDate()).isEqualTo(R);
        assertThat(tree(WIRE.writeSubscription(after, false)).get("renewedQuantity").asInt()).isEqualTo(3);
    }

    @Test
    void theEarlyWindowRunsFrom30To1DaysBeforeTheRenewalDate() {
        String subscriptionId = buy(CUSTOMER, OFFER, 5);

        assertError(refused(day(-31), renewal(subscriptionId, 1)), "3122", 400, "Line Item: 1");
        place(day(-30), CUSTOMER, renewal(subscriptionId, 1));
        place(day(-1), CUSTOMER, renewal(subscriptionId, 1));
        // On the renewal date an active subscription is the run's: no renewal order.
        assertError(refused(day(0), renewal(subscriptionId, 1)), "3121", 400, "Line Item: 1");

        assertThat(subscription(CUSTOMER, subscriptionId).renewedQuantity()).isEqualTo(2);
    }

    @Test
    void anEarlyRenewalRenewsAtMostWhatIsNotRenewedYet() {
        String subscriptionId = buy(CUSTOMER, OFFER, 5);
        place(day(-10), CUSTOMER, renewal(subscriptionId, 4));

        assertError(refused(day(-10), renewal(subscriptionId, 2)), "2120", 400, "Line Item: 1");
        place(day(-10), CUSTOMER, renewal(subscriptionId, 1));
        assertError(refused(day(-10), renewal(subscriptionId, 1)), "2164", 400, "Line Item: 1");
        assertThat(subscription(CUSTOMER, subscriptionId).renewedQuantity()).isEqualTo(5);
    }

    @Test
    void aRenewalLineNeedsASubscriptionOfTheCustomerAndItsOffer() {
        String subscriptionId = buy(CUSTOMER, OFFER, 5);
        String others = buy(OTHER, OFFER, 1);

        assertError(refused(day(-10), renewal("00000000000000000000000000000NA", 1)), "3115", 404, "Line Item: 1");
        assertError(refused(day(-10), renewal(others, 1)), "3115", 404, "Line Item: 1");
        assertError(refused(day(-10), order("RENEWAL", line(1, ENTERPRISE, 1, subscriptionId))), "1117", 400,
                "lineItems[0].offerId");
        assertError(refused(day(-10), order("RENEWAL", line(1, OFFER, 1, null))), "1122", 400,
                "lineItems[0].subscriptionId");
        assertError(refused(day(-10), order("RENEWAL", line(1, OFFER, 1, subscriptionId),
                line(2, OFFER, 1, subscriptionId))), "1117", 400, "lineItems[1].subscriptionId");
    }

    // ---- the renewal run ----

    @Test
    void theRunRenewsWhatWasNotRenewedEarlyInOneSystemOrderAndMovesTheCoterm() {
        String subscriptionId = buy(CUSTOMER, OFFER, 5);
        place(day(-5), CUSTOMER, renewal(subscriptionId, 2));

        VipRenewalRun run = day(0).renewDue(COMPANY);

        assertThat(run.runDate()).isEqualTo(R);
        assertThat(run.expiredSubscriptions()).isEmpty();
        assertThat(run.orders()).hasSize(1);
        VipOrder order = run.orders().get(0);
        assertThat(order.orderType()).isEqualTo(VipOrderType.RENEWAL);
        assertThat(order.source()).isEqualTo("System");
        assertThat(order.status()).isEqualTo("1000");
        assertThat(order.creationDate()).isEqualTo(Instant.parse("2027-06-15T00:00:00Z"));
        assertThat(order.lineItems()).extracting(VipLineItem::subscriptionId, VipLineItem::quantity,
                VipLineItem::status).containsExactly(tuple(subscriptionId, 3, "1000"));
        VipSubscription after = subscription(CUSTOMER, subscriptionId);
        assertThat(after.currentQuantity()).isEqualTo(5);
        assertThat(after.renewedQuantity()).isZero();
        assertThat(after.renewalDate()).isEqualTo(R.plusYears(1));
        assertThat(after.status()).isEqualTo("1000");
        assertThat(coterm(CUSTOMER)).contains(R.plusYears(1));
        JsonNode summary = tree(WIRE.writeRenewalRun(run, false));
        assertThat(summary.get("runDate").asText()).isEqualTo("2027-06-15");
        assertThat(summary.get("orders").get(0).get("orderId").asText()).isEqualTo(order.orderId());
        assertThat(summary.get("expiredSubscriptions").isArray()).isTrue();
    }

    @Test
    void aSecondRunAtTheSameTimeChangesNothing() {
        buy(CUSTOMER, OFFER, 5);
        day(0).renewDue(COMPANY);
        List<Object> after = state();

        VipRenewalRun again = day(0).renewDue(COMPANY);

        assertThat(again.orders()).isEmpty();
        assertThat(again.expiredSubscriptions()).isEmpty();
        assertThat(state()).isEqualTo(after);
    }

    @Test
    void nothingIsDueBeforeTheCotermDate() {
        buy(CUSTOMER, OFFER, 5);
        List<Object> before = state();

        assertThat(day(-1).renewDue(COMPANY).orders()).isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aRenewalQuantityAboveTheSeatsRenewedOrdersTheDifferenceAndFewerKeepsTheRenewedSeats() {
        String more = buy(CUSTOMER, OFFER, 2);
        String fewer = buy(CUSTOMER, ENTERPRISE, 6);
        vip(NOW).updateSubscription(COMPANY, CUSTOMER, more, null, 8);
        vip(NOW).updateSubscription(COMPANY, CUSTOMER, fewer, null, 2);
        place(day(-3), CUSTOMER, order("RENEWAL", line(1, ENTERPRISE, 4, fewer)));

        VipRenewalRun run = day(0).renewDue(COMPANY);

        assertThat(run.orders()).singleElement().satisfies(order -> assertThat(order.lineItems())
                .extracting(VipLineItem::subscriptionId, VipLineItem::quantity).containsExactly(tuple(more, 8)));
        assertThat(subscription(CUSTOMER, more).currentQuantity()).isEqualTo(8);
        // The explicit renewal quantity stays through the renewal.
        assertThat(subscription(CUSTOMER, more).renewalQuantity()).isEqualTo(8);
        assertThat(subscription(CUSTOMER, fewer).currentQuantity()).isEqualTo(4);
        assertThat(subscription(CUSTOMER, fewer).renewalQuantity()).isEqualTo(2);
    }

    @Test
    void aDisabledSubscriptionExpiresUnlessRenewedEarly() {
        String off = buy(CUSTOMER, OFFER, 5);
        String offRenewed = buy(CUSTOMER, ENTERPRISE, 6);
        vip(NOW).updateSubscription(COMPANY, CUSTOMER, off, false, null);
        vip(NOW).updateSubscription(COMPANY, CUSTOMER, offRenewed, false, null);
        place(day(-3), CUSTOMER, order("RENEWAL", line(1, ENTERPRISE, 2, offRenewed)));

        VipRenewalRun run = day(0).renewDue(COMPANY);

        assertThat(run.orders()).isEmpty();
        assertThat(run.expiredSubscriptions()).extracting(VipSubscription::customerId,
                VipSubscription::subscriptionId).containsExactly(tuple(CUSTOMER, off));
        VipSubscription expired = subscription(CUSTOMER, off);
        assertThat(expired.status()).isEqualTo("1004");
        assertThat(expired.currentQuantity()).isEqualTo(5);
        assertThat(expired.renewalDate()).isEqualTo(R);
        assertThat(expired.allowedActions()).containsExactly("MANUAL_RENEWAL");
        JsonNode shown = tree(WIRE.writeSubscription(expired, false));
        assertThat(shown.get("allowedActions").get(0).asText()).isEqualTo("MANUAL_RENEWAL");
        VipSubscription kept = subscription(CUSTOMER, offRenewed);
        assertThat(kept.status()).isEqualTo("1000");
        assertThat(kept.currentQuantity()).isEqualTo(2);
        assertThat(kept.renewalDate()).isEqualTo(R.plusYears(1));
        JsonNode summary = tree(WIRE.writeRenewalRun(run, false)).get("expiredSubscriptions").get(0);
        assertThat(summary.get("customerId").asText()).isEqualTo(CUSTOMER);
        assertThat(summary.get("subscriptionId").asText()).isEqualTo(off);
    }

    @Test
    void aLateRunCatchesUpMissedYearsInOrder() {
        String subscriptionId = buy(CUSTOMER, OFFER, 5);

        VipRenewalRun run = vip(Instant.parse("2029-07-01T08:00:00Z")).renewDue(COMPANY);

        assertThat(run.orders()).extracting(VipOrder::creationDate).containsExactly(
                Instant.parse("2027-06-15T00:00:00Z"), Instant.parse("2028-06-15T00:00:00Z"),
                Instant.parse("2029-06-15T00:00:00Z"));
        assertThat(subscription(CUSTOMER, subscriptionId).renewalDate()).isEqualTo(LocalDate.parse("2030-06-15"));
        assertThat(coterm(CUSTOMER)).contains(LocalDate.parse("2030-06-15"));
    }

    @Test
    void aRunCutOffMidWayThenRunAgainRenewsEachSubscriptionOnce() {
        String first = buy(CUSTOMER, OFFER, 5);
        String second = buy(OTHER, OFFER, 3);
        Instant runAt = R.atTime(1, 0).toInstant(ZoneOffset.UTC);
        // The second customer's write fails: the first customer's renewal is committed, the second's rolled back.
        FaultInjectingStore failing = FaultInjectingStore.failingVipWrite(store, 2);

        StoreException cut = catchThrowableOfType(StoreException.class,
                () -> engine(failing, runAt).vip().renewDue(COMPANY));

        assertThat(cut).isNotNull();
        assertThat(renewalOrders(CUSTOMER)).hasSize(1);
        assertThat(renewalOrders(OTHER)).isEmpty();
        assertThat(subscription(OTHER, second).renewalDate()).isEqualTo(R);

        VipRenewalRun rerun = vip(runAt).renewDue(COMPANY);

        assertThat(rerun.orders()).extracting(VipOrder::customerId).containsExactly(OTHER);
        assertThat(renewalOrders(CUSTOMER)).hasSize(1);
        assertThat(renewalOrders(OTHER)).hasSize(1);
        assertThat(subscription(CUSTOMER, first).renewalDate()).isEqualTo(R.plusYears(1));
        assertThat(subscription(OTHER, second).renewalDate()).isEqualTo(R.plusYears(1));
        assertThat(subscription(OTHER, second).currentQuantity()).isEqualTo(3);
    }

    // ---- RENEWAL: late ----

    @Test
    void anExpiredSubscriptionRenewsLateUpToThePriorTermsQuantity() {
        String subscriptionId = buy(CUSTOMER, OFFER, 5);
        vip(NOW).updateSubscription(COMPANY, CUSTOMER, subscriptionId, false, null);
        day(0).renewDue(COMPANY);

        assertError(refused(day(3), renewal(subscriptionId, 6)), "2120", 400, "Line Item: 1");
        VipOrderResult late = place(day(3), CUSTOMER, renewal(subscriptionId, 3));

        assertThat(late.httpStatus()).isEqualTo(201);
        VipSubscription active = subscription(CUSTOMER, subscriptionId);
        assertThat(active.status()).isEqualTo("1000");
        assertThat(active.currentQuantity()).isEqualTo(3);
        assertThat(active.renewalDate()).isEqualTo(R.plusYears(1));
        assertThat(active.allowedActions()).isEmpty();
    }

    @Test
    void theLateWindowEndsFourteenDaysAfterTheRenewalDate() {
        String subscriptionId = buy(CUSTOMER, OFFER, 5);
        vip(NOW).updateSubscription(COMPANY, CUSTOMER, subscriptionId, false, null);
        day(0).renewDue(COMPANY);

        assertError(refused(day(15), renewal(subscriptionId, 1)), "3122", 400, "Line Item: 1");
        assertThat(place(day(14), CUSTOMER, renewal(subscriptionId, 1)).httpStatus()).isEqualTo(201);
    }

    @Test
    void aSubscriptionReturnedToZeroIsNotRenewable() {
        VipMarketplace vip = vip(NOW);
        String orderId = place(vip, CUSTOMER, order("NEW", line(1, OFFER, 2, null))).order().orderId();
        String subscriptionId = vip.getOrder(COMPANY, CUSTOMER, orderId, false).lineItems().get(0).subscriptionId();
        place(vip, CUSTOMER, returnOf(orderId, 2));

        assertError(refused(day(-10), renewal(subscriptionId, 1)), "3121", 400, "Line Item: 1");
    }

    @Test
    void anExplicitRenewalQuantityIsForgottenWhenTheSubscriptionTurnsInactive() {
        VipMarketplace vip = vip(NOW);
        String orderId = place(vip, CUSTOMER, order("NEW", line(1, OFFER, 2, null))).order().orderId();
        String subscriptionId = vip.getOrder(COMPANY, CUSTOMER, orderId, false).lineItems().get(0).subscriptionId();
        vip.updateSubscription(COMPANY, CUSTOMER, subscriptionId, null, 8);

        place(vip, CUSTOMER, returnOf(orderId, 2));

        VipSubscription inactive = subscription(CUSTOMER, subscriptionId);
        assertThat(inactive.status()).isEqualTo("1004");
        assertThat(inactive.renewalQuantitySet()).isFalse();
        assertThat(inactive.renewalQuantity()).isZero();
    }

    @Test
    void anImportedHistoryReplaysRenewalsAtTheirDates() {
        List<String> history = List.of(
                "{\"customerId\": \"" + CUSTOMER + "\", \"creationDate\": \"2026-06-15T10:00:00Z\", \"order\": "
                        + order("NEW", line(1, OFFER, 4, null)) + "}");
        vip(NOW).importOrders(COMPANY, history.iterator(), false, outcome -> { });
        String subscriptionId = vip(NOW).subscriptions(COMPANY, CUSTOMER).get(0).subscriptionId();
        List<String> renewals = List.of(
                "{\"customerId\": \"" + CUSTOMER + "\", \"creationDate\": \"2027-06-01T10:00:00Z\", \"order\": "
                        + renewal(subscriptionId, 3) + "}",
                "{\"customerId\": \"" + CUSTOMER + "\", \"creationDate\": \"2027-06-02T10:00:00Z\", \"order\": "
                        + renewal(subscriptionId, 2) + "}");

        assertThat(vip(NOW).importOrders(COMPANY, renewals.iterator(), false, outcome -> { }).rejected())
                .isEqualTo(1L);
        assertThat(subscription(CUSTOMER, subscriptionId).renewedQuantity()).isEqualTo(3);
    }

    // ---- returns of renewals ----

    @Test
    void anEarlyRenewalIsReturnedOnlyWholeLoweringTheRenewedSeats() {
        String subscriptionId = buy(CUSTOMER, OFFER, 5);
        String renewalId = place(day(-10), CUSTOMER, renewal(subscriptionId, 3)).order().orderId();

        assertError(refused(day(-9), returnOf(renewalId, 2)), "2132", 400, "Line Item: 1");
        assertThat(place(day(-9), CUSTOMER, returnOf(renewalId, 3)).httpStatus()).isEqualTo(201);

        VipSubscription after = subscription(CUSTOMER, subscriptionId);
        assertThat(after.renewedQuantity()).isZero();
        assertThat(after.currentQuantity()).isEqualTo(5);
        assertThat(day(-9).getOrder(COMPANY, CUSTOMER, renewalId, false).status()).isEqualTo("1008");
    }

    @Test
    void aLateRenewalIsReturnedInPartsLikeANewOrder() {
        String subscriptionId = buy(CUSTOMER, OFFER, 5);
        vip(NOW).updateSubscription(COMPANY, CUSTOMER, subscriptionId, false, null);
        day(0).renewDue(COMPANY);
        String renewalId = place(day(2), CUSTOMER, renewal(subscriptionId, 4)).order().orderId();

        place(day(3), CUSTOMER, returnOf(renewalId, 1));

        assertThat(subscription(CUSTOMER, subscriptionId).currentQuantity()).isEqualTo(3);
    }

    // ---- PREVIEW_RENEWAL ----

    @Test
    void aPreviewRenewalWithoutLinesShowsWhatTheRunWouldOrderAndWritesNothing() {
        String enabled = buy(CUSTOMER, OFFER, 5);
        String disabled = buy(CUSTOMER, ENTERPRISE, 2);
        vip(NOW).updateSubscription(COMPANY, CUSTOMER, disabled, false, null);
        place(day(-10), CUSTOMER, renewal(enabled, 1));
        List<Object> before = state();

        VipOrderResult preview = preview(day(-5), "{\"orderType\": \"PREVIEW_RENEWAL\"}");

        assertThat(state()).isEqualTo(before);
        assertThat(preview.httpStatus()).isEqualTo(200);
        assertThat(preview.order().orderId()).isEmpty();
        assertThat(preview.order().status()).isEmpty();
        VipLineItem line = preview.order().lineItems().get(0);
        assertThat(preview.order().lineItems()).hasSize(1);
        assertThat(line.subscriptionId()).isEqualTo(enabled);
        assertThat(line.quantity()).isEqualTo(4);
        assertThat(line.status()).isEqualTo("1000");
        assertThat(line.proratedDays()).isEqualTo(366);
        assertThat(line.pricing().netPartnerPrice()).isEqualByComparingTo("100.000");
        assertThat(preview.order().pricingSummary().get(0).totalLineItemPartnerPrice())
                .isEqualByComparingTo("400.00");
    }

    @Test
    void aPreviewRenewalWithoutLinesIs2136WithNothingEnabledAnd2164WithAllRenewed() {
        String subscriptionId = buy(CUSTOMER, OFFER, 2);
        vip(NOW).updateSubscription(COMPANY, CUSTOMER, subscriptionId, false, null);
        assertError(refused(day(-5), "{\"orderType\": \"PREVIEW_RENEWAL\", \"lineItems\": []}"), "2136", 400);

        vip(NOW).updateSubscription(COMPANY, CUSTOMER, subscriptionId, true, null);
        place(day(-10), CUSTOMER, renewal(subscriptionId, 2));
        assertError(refused(day(-5), "{\"orderType\": \"PREVIEW_RENEWAL\"}"), "2164", 400);
    }

    @Test
    void aPreviewRenewalWithLinesChecksThemAsRenewalAndDefaultsToWhatIsLeft() {
        String subscriptionId = buy(CUSTOMER, OFFER, 5);
        place(day(-10), CUSTOMER, renewal(subscriptionId, 2));
        List<Object> before = state();

        VipOrderResult preview = preview(day(-5), order("PREVIEW_RENEWAL", line(7, OFFER, 0, subscriptionId)));

        assertThat(state()).isEqualTo(before);
        VipLineItem line = preview.order().lineItems().get(0);
        assertThat(line.extLineItemNumber()).isEqualTo(7);
        assertThat(line.quantity()).isEqualTo(3);
        assertThat(line.status()).isEmpty();
        assertThat(line.proratedDays()).isEqualTo(366);
        assertError(refused(day(-5), order("PREVIEW_RENEWAL", line(1, OFFER, 4, subscriptionId))), "2120", 400,
                "Line Item: 1");
        assertError(refused(day(-40), order("PREVIEW_RENEWAL", line(1, OFFER, 0, subscriptionId))), "3122", 400,
                "Line Item: 1");
        place(day(-5), CUSTOMER, renewal(subscriptionId, 3));
        assertError(refused(day(-5), order("PREVIEW_RENEWAL", line(1, OFFER, 0, subscriptionId))), "2164", 400,
                "Line Item: 1");
    }

    // ---- Update Subscription ----

    @Test
    void updateSubscriptionSetsAutoRenewalAndAnExplicitRenewalQuantityKeptThroughOrders() {
        String subscriptionId = buy(CUSTOMER, OFFER, 5);
        assertThat(subscription(CUSTOMER, subscriptionId).renewalQuantity()).isEqualTo(5);

        VipSubscription updated = vip(NOW).updateSubscription(COMPANY, CUSTOMER, subscriptionId, false, 8);

        assertThat(updated.autoRenewalEnabled()).isFalse();
        assertThat(updated.renewalQuantity()).isEqualTo(8);
        assertThat(subscription(CUSTOMER, subscriptionId)).isEqualTo(updated);
        JsonNode shown = tree(WIRE.writeSubscription(updated, false)).get("autoRenewal");
        assertThat(shown.get("enabled").asBoolean()).isFalse();
        assertThat(shown.get("renewalQuantity").asInt()).isEqualTo(8);
        buy(CUSTOMER, OFFER, 2);
        assertThat(subscription(CUSTOMER, subscriptionId).currentQuantity()).isEqualTo(7);
        assertThat(subscription(CUSTOMER, subscriptionId).renewalQuantity()).isEqualTo(8);
        VipSubscription enabled = vip(NOW).updateSubscription(COMPANY, CUSTOMER, subscriptionId, true, null);
        assertThat(enabled.autoRenewalEnabled()).isTrue();
        assertThat(enabled.renewalQuantity()).isEqualTo(8);
    }

    @Test
    void updateSubscriptionRefusesOthersSubscriptionsQuantitiesOutOfRangeAndInactiveOnes() {
        String team = buy(CUSTOMER, OFFER, 5);
        String enterprise = buy(CUSTOMER, ENTERPRISE, 5);
        String others = buy(OTHER, OFFER, 1);
        VipMarketplace vip = vip(NOW);

        assertError(refused(() -> vip.updateSubscription(COMPANY, CUSTOMER, others, true, null)), "3115", 404);
        assertError(refused(() -> vip.updateSubscription(COMPANY, "nobody", team, true, null)), "1116", 404);
        assertError(refused(() -> vip.updateSubscription(COMPANY, CUSTOMER, team, null, 0)), "3116", 400,
                "autoRenewal.renewalQuantity");
        assertError(refused(() -> vip.updateSubscription(COMPANY, CUSTOMER, team, null, 10_001)), "3116", 400,
                "autoRenewal.renewalQuantity");
        assertError(refused(() -> vip.updateSubscription(COMPANY, CUSTOMER, enterprise, null, 200_001)), "3116",
                400, "autoRenewal.renewalQuantity");
        assertThat(vip.updateSubscription(COMPANY, CUSTOMER, enterprise, null, 200_000).renewalQuantity())
                .isEqualTo(200_000);
        vip.updateSubscription(COMPANY, CUSTOMER, team, false, null);
        day(0).renewDue(COMPANY);
        assertError(refused(() -> day(1).updateSubscription(COMPANY, CUSTOMER, team, true, null)), "3119", 400);
    }
}
