package dev.licensing.core.internal.vip;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.FlexDiscount;
import dev.licensing.api.catalog.Offer;
import dev.licensing.api.catalog.VipCustomer;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.api.store.VipReplay;
import dev.licensing.api.store.VipWrite;
import dev.licensing.api.vip.VipError;
import dev.licensing.api.vip.VipFlexDiscount;
import dev.licensing.api.vip.VipLineItem;
import dev.licensing.api.vip.VipLineItemRequest;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipOrderRequest;
import dev.licensing.api.vip.VipOrderType;
import dev.licensing.api.vip.VipRejectedException;
import dev.licensing.api.vip.VipSubscription;
import dev.licensing.core.vip.DecodedVipRequest;
import dev.licensing.core.vip.VipOrderOptions;
import dev.licensing.core.vip.VipRenewalRun;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Create Order, Get Order and the reads beside them, each in one store transaction or read: the rules in Adobe's
 * order, then NEW's subscriptions, RETURN's quantities or PREVIEW's prices, and the kept answer of a correlation id.
 */
public final class VipService {
    static final Duration REPLAY_WINDOW = Duration.ofDays(10);
    private static final int CREATED = 201;
    private static final int OK = 200;

    private final LicenseStore store;
    private final Function<String, Optional<Catalog>> catalogs;
    private final Clock clock;
    private final Random random;

    public VipService(LicenseStore store, Function<String, Optional<Catalog>> catalogs, Clock clock, Random random) {
        this.store = store;
        this.catalogs = catalogs;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Answers one Create Order request: {@code decode} reads its body (returning {@code null} for a body that is not a
     * JSON object), after the correlation id and the customer passed.
     */
    public Answer createOrder(String company, String customerId, Supplier<DecodedVipRequest> decode,
                              VipOrderOptions options) {
        String correlationId = options.correlationId();
        if (correlationId != null && correlationId.isEmpty()) {
            return Answer.rejected(VipErrors.of("4119"));
        }
        Instant now = (options.creationDate() != null ? options.creationDate() : clock.instant())
                .truncatedTo(ChronoUnit.SECONDS);
        return store.inTransaction(tx -> {
            if (correlationId != null) {
                Optional<VipReplay> kept = tx.findVipReplay(company, correlationId)
                        .filter(replay -> !now.isAfter(replay.answeredAt().plus(REPLAY_WINDOW)));
                if (kept.isPresent()) {
                    VipReplay replay = kept.get();
                    return new Answer(replay.order(), replay.error(), replay.httpStatus(), true);
                }
            }
            Answer answer = answer(tx, company, customerId, decode, options.fetchPrice(), now);
            if (correlationId != null) {
                tx.writeVip(new VipWrite(company, customerId, null, List.of(), List.of(),
                        new VipReplay(correlationId, now, answer.httpStatus(), answer.order(), answer.error())));
            }
            return answer;
        });
    }

    /** Get Order: the customer's order as stored, its prices when asked for. */
    public VipOrder getOrder(String company, String customerId, String orderId, boolean fetchPrice) {
        requireCustomer(company, customerId);
        return store.read(reader -> reader.findVipOrder(company, orderId))
                .filter(order -> order.customerId().equals(customerId))
                .map(order -> VipViews.fetched(order, fetchPrice))
                .orElseThrow(() -> new VipRejectedException(VipErrors.of("2115")));
    }

    /** The customer's orders in Get Order's view, newest first (of equal times, the one placed last first). */
    public List<VipOrder> history(String company, String customerId) {
        requireCustomer(company, customerId);
        List<VipOrder> placed = new ArrayList<>(store.read(reader -> reader.vipOrders(company, customerId)));
        Collections.reverse(placed);
        placed.sort((a, b) -> b.creationDate().compareTo(a.creationDate()));
        return placed.stream().map(order -> VipViews.fetched(order, false)).toList();
    }

    /** The customer's subscriptions, oldest first. */
    public List<VipSubscription> subscriptions(String company, String customerId) {
        requireCustomer(company, customerId);
        return store.read(reader -> reader.vipSubscriptions(company, customerId));
    }

    public VipSubscription subscription(String company, String customerId, String subscriptionId) {
        requireCustomer(company, customerId);
        return store.read(reader -> reader.findVipSubscription(company, subscriptionId))
                .filter(subscription -> subscription.customerId().equals(customerId))
                .orElseThrow(() -> new VipRejectedException(VipErrors.of("3115")));
    }

    private VipCustomer requireCustomer(String company, String customerId) {
        return customer(company, customerId).orElseThrow(() -> new VipRejectedException(VipErrors.of("1116")));
    }

    private Optional<VipCustomer> customer(String company, String customerId) {
        return catalogs.apply(company).flatMap(catalog -> catalog.vipCustomers().stream()
                .filter(customer -> customer.id().equals(customerId)).findFirst());
    }

    private Answer answer(StoreTransaction tx, String company, String customerId,
                          Supplier<DecodedVipRequest> decode, boolean fetchPrice, Instant now) {
        Optional<Catalog> catalog = catalogs.apply(company);
        Optional<VipCustomer> customer = customer(company, customerId);
        if (catalog.isEmpty() || customer.isEmpty()) {
            return Answer.rejected(VipErrors.of("1116"));
        }
        DecodedVipRequest decoded = decode.get();
        if (decoded == null) {
            return Answer.rejected(VipErrors.of("1117"));
        }
        CustomerState state = CustomerState.of(catalog.get(), customer.get(), tx.vipCoterm(company, customerId),
                tx.vipSubscriptions(company, customerId), now);
        VipOrderRequest request = decoded.request();
        VipError error = RequestRules.check(request, decoded.unknownFields(), decoded.invalidFields(), state);
        if (error != null) {
            return Answer.rejected(error);
        }
        if (request.orderType() == VipOrderType.RENEWAL || request.orderType() == VipOrderType.PREVIEW_RENEWAL) {
            return renew(tx, company, request, state, fetchPrice);
        }
        if (request.orderType() == VipOrderType.RETURN) {
            VipOrder original = tx.findVipOrder(company, request.referenceOrderId()).orElse(null);
            error = ReturnRules.check(request, original, state);
            return error != null ? Answer.rejected(error) : placeReturn(tx, company, request, original, state);
        }
        error = NewLineRules.check(request, state, fetchPrice);
        if (error != null) {
            return Answer.rejected(error);
        }
        if (request.orderType() == VipOrderType.PREVIEW) {
            return Answer.of(VipViews.preview(priced("", request, state, Statuses.PENDING, List.of()), fetchPrice), OK);
        }
        return placeNew(tx, company, request, state);
    }

    /**
     * A NEW order: each line adds to the active subscription of its (offer, deployment), else opens one on the coterm
     * date. An inactive customer's order is kept as failed (1024) and provisions nothing.
     */
    private Answer placeNew(StoreTransaction tx, String company, VipOrderRequest request, CustomerState state) {
        boolean failed = Statuses.INACTIVE.equals(state.customer().status());
        List<VipSubscription> subscriptions = new ArrayList<>(state.subscriptions());
        List<VipSubscription> changed = new ArrayList<>();
        Set<String> newIds = new HashSet<>();
        List<String> subscriptionIds = new ArrayList<>();
        for (VipLineItemRequest line : request.lineItems()) {
            if (failed) {
                subscriptionIds.add("");
                continue;
            }
            String currency = RequestRules.currency(request, line, state);
            int index = activeIndex(subscriptions, line);
            VipSubscription subscription;
            if (index >= 0) {
                VipSubscription active = subscriptions.get(index);
                subscription = active.withCurrentQuantity(active.currentQuantity() + line.quantity(), Statuses.ACTIVE);
                subscriptions.set(index, subscription);
            } else {
                String id = unique(() -> VipIds.subscriptionId(random),
                        candidate -> tx.findVipSubscription(company, candidate).isEmpty() && newIds.add(candidate));
                subscription = new VipSubscription(id, state.customer().id(), line.offerId(), line.deploymentId(),
                        currency, line.quantity(), 0, state.now(), state.cotermForOrder(),
                        state.customer().autoRenewal(), line.quantity(), Statuses.ACTIVE, false, 0, List.of());
                subscriptions.add(subscription);
            }
            changed.removeIf(s -> s.subscriptionId().equals(subscription.subscriptionId()));
            changed.add(subscription);
            subscriptionIds.add(subscription.subscriptionId());
        }
        String orderId = unique(() -> VipIds.orderId(random),
                candidate -> tx.findVipOrder(company, candidate).isEmpty());
        VipOrder order = priced(orderId, request, state, failed ? Statuses.CUSTOMER_INACTIVE : Statuses.ACTIVE,
                subscriptionIds);
        LocalDate coterm = failed || state.storedCoterm() != null ? null : state.cotermForOrder();
        tx.writeVip(new VipWrite(company, state.customer().id(), coterm, List.of(order), changed, null));
        return Answer.of(VipViews.created(order), CREATED);
    }

    /**
     * A RETURN: lowers the original lines' remaining quantities and their subscriptions' quantities. Its lines carry the
     * original lines' flex discounts (a return takes back what was sold, at the price it was sold).
     */
    private Answer placeReturn(StoreTransaction tx, String company, VipOrderRequest request, VipOrder original,
                               CustomerState state) {
        List<VipLineItem> originalLines = new ArrayList<>(original.lineItems());
        List<VipSubscription> subscriptions = new ArrayList<>(state.subscriptions());
        List<VipSubscription> changed = new ArrayList<>();
        List<VipLineItem> lines = new ArrayList<>();
        for (VipLineItemRequest line : request.lineItems()) {
            VipLineItem old = ReturnRules.originalLine(original, line);
            int remaining = ReturnRules.remaining(old) - line.quantity();
            originalLines.set(originalLines.indexOf(old),
                    old.withRemainingQuantity(remaining, remaining == 0 ? Statuses.CANCELLED : old.status()));
            // An early renewal not yet due takes back renewed seats, not current ones.
            boolean early = RenewalRules.pendingEarly(original, old, subscriptions);
            for (int i = 0; i < subscriptions.size(); i++) {
                VipSubscription subscription = subscriptions.get(i);
                if (subscription.subscriptionId().equals(old.subscriptionId())) {
                    int quantity = Math.max(0, subscription.currentQuantity() - line.quantity());
                    VipSubscription lowered = early
                            ? subscription.withRenewedQuantity(subscription.renewedQuantity() - line.quantity())
                            : subscription.withCurrentQuantity(quantity,
                            quantity == 0 ? Statuses.INACTIVE : subscription.status());
                    subscriptions.set(i, lowered);
                    changed.removeIf(s -> s.subscriptionId().equals(lowered.subscriptionId()));
                    changed.add(lowered);
                }
            }
            lines.add(new VipLineItem(line.extLineItemNumber(), line.offerId(), line.quantity(), old.subscriptionId(),
                    Statuses.ACTIVE, old.currencyCode(), line.deploymentId(), line.discountCode(),
                    old.flexDiscounts(), null, old.proratedDays(),
                    old.pricing() == null ? null : Pricing.returned(old.pricing(), line.quantity())));
        }
        boolean allReturned = originalLines.stream().allMatch(l -> ReturnRules.remaining(l) == 0);
        VipOrder updated = original.withLines(allReturned ? Statuses.CANCELLED : original.status(), originalLines);
        String orderId = unique(() -> VipIds.orderId(random),
                candidate -> tx.findVipOrder(company, candidate).isEmpty());
        boolean priced = lines.stream().allMatch(l -> l.pricing() != null);
        VipOrder order = new VipOrder(orderId, state.customer().id(), VipOrderType.RETURN,
                orEmpty(request.externalReferenceId()), request.referenceOrderId(),
                orderCurrency(request, lines), state.now(), Statuses.ACTIVE, "API", lines,
                priced ? Pricing.summary(lines) : null);
        tx.writeVip(new VipWrite(company, state.customer().id(), null, List.of(updated, order), changed, null));
        return Answer.of(VipViews.created(order), CREATED);
    }

    /**
     * A RENEWAL or PREVIEW_RENEWAL: the lines checked (or, a preview without lines, what the renewal run would order),
     * then early lines add to the renewed seats and late ones bring their expired subscription back for the term
     * ending on the coterm date.
     */
    private Answer renew(StoreTransaction tx, String company, VipOrderRequest request, CustomerState state,
                         boolean fetchPrice) {
        boolean runsLines = RequestRules.lineItems(request).isEmpty();
        RenewalRules.Checked checked = runsLines ? RenewalRules.due(state) : RenewalRules.check(request, state);
        if (checked.error() != null) {
            return Answer.rejected(checked.error());
        }
        boolean preview = request.orderType() == VipOrderType.PREVIEW_RENEWAL;
        String lineStatus = preview && !runsLines ? "" : Statuses.ACTIVE;
        List<VipLineItem> lines = checked.renewals().stream().map(renewal -> Renewals.line(
                renewal.extLineItemNumber(), renewal.subscription(), renewal.quantity(), renewal.line(), lineStatus,
                state.offers())).toList();
        if (preview) {
            VipOrder priced = Renewals.order("", state.customer().id(), request.orderType(),
                    orEmpty(request.externalReferenceId()), request.currencyCode(), state.now(), "", null, lines);
            return Answer.of(VipViews.renewalPreview(priced, fetchPrice), OK);
        }
        List<VipSubscription> changed = new ArrayList<>();
        for (RenewalRules.Renewal renewal : checked.renewals()) {
            VipSubscription subscription = renewal.subscription();
            changed.add(renewal.early()
                    ? subscription.withRenewedQuantity(subscription.renewedQuantity() + renewal.quantity())
                    : subscription.renewed(renewal.quantity(), state.cotermForOrder()));
        }
        String orderId = unique(() -> VipIds.orderId(random),
                candidate -> tx.findVipOrder(company, candidate).isEmpty());
        VipOrder order = Renewals.order(orderId, state.customer().id(), VipOrderType.RENEWAL,
                orEmpty(request.externalReferenceId()), request.currencyCode(), state.now(), Statuses.ACTIVE, "API",
                lines);
        tx.writeVip(new VipWrite(company, state.customer().id(), null, List.of(order), changed, null));
        return Answer.of(VipViews.created(order), CREATED);
    }

    /**
     * Update Subscription: auto-renewal on or off, an explicit renewal quantity.
     *
     * @throws VipRejectedException 1116, 3115 (404) not the customer's, 3116 the quantity out of range, 3119 inactive
     */
    public VipSubscription updateSubscription(String company, String customerId, String subscriptionId,
                                              Boolean autoRenewal, Integer renewalQuantity) {
        requireCustomer(company, customerId);
        Catalog catalog = catalogs.apply(company).orElseThrow();
        return store.inTransaction(tx -> {
            VipSubscription subscription = tx.findVipSubscription(company, subscriptionId)
                    .filter(s -> s.customerId().equals(customerId))
                    .orElseThrow(() -> new VipRejectedException(VipErrors.of("3115")));
            Offer offer = catalog.offers().stream().filter(o -> o.offerId().equals(subscription.offerId()))
                    .findFirst().orElse(null);
            if (renewalQuantity != null
                    && (renewalQuantity < 1 || renewalQuantity > RequestRules.maxQuantity(offer))) {
                throw new VipRejectedException(VipErrors.of("3116", "autoRenewal.renewalQuantity"));
            }
            if (!Statuses.ACTIVE.equals(subscription.status())) {
                throw new VipRejectedException(VipErrors.of("3119"));
            }
            VipSubscription updated = subscription.withAutoRenewal(
                    autoRenewal != null ? autoRenewal : subscription.autoRenewalEnabled(), renewalQuantity);
            tx.writeVip(new VipWrite(company, customerId, null, List.of(), List.of(updated), null));
            return updated;
        });
    }

    /**
     * The renewal run at the engine's clock: each customer of the catalog whose coterm date has come, in its own
     * transaction (all of a customer or none of it), so a run cut off and run again renews each subscription once.
     */
    public VipRenewalRun renewDue(String company) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = CustomerState.utcDate(now);
        List<VipOrder> orders = new ArrayList<>();
        List<VipSubscription> expired = new ArrayList<>();
        Optional<Catalog> catalog = catalogs.apply(company);
        List<VipCustomer> customers = catalog.map(Catalog::vipCustomers).orElse(List.of());
        Map<String, Offer> offers = catalog.map(c -> c.offers().stream()
                .collect(Collectors.toMap(Offer::offerId, Function.identity()))).orElse(Map.of());
        for (VipCustomer customer : customers) {
            Renewals.CustomerRun run = store.inTransaction(tx -> {
                LocalDate coterm = tx.vipCoterm(company, customer.id()).orElse(customer.cotermDate());
                if (coterm == null || coterm.isAfter(today)) {
                    return null;
                }
                Set<String> drawn = new HashSet<>();
                Renewals.CustomerRun done = Renewals.run(customer.id(), coterm,
                        tx.vipSubscriptions(company, customer.id()), offers, today,
                        () -> unique(() -> VipIds.orderId(random),
                                candidate -> tx.findVipOrder(company, candidate).isEmpty() && drawn.add(candidate)));
                tx.writeVip(new VipWrite(company, customer.id(), done.coterm(), done.orders(), done.changed(), null));
                return done;
            });
            if (run != null) {
                run.orders().forEach(order -> orders.add(VipViews.fetched(order, false)));
                expired.addAll(run.expired());
            }
        }
        return new VipRenewalRun(today, orders, expired);
    }

    /**
     * The order of a NEW or PREVIEW request with every line priced; the prices are kept on a single-currency order
     * that completes, as Get Order shows them.
     */
    private static VipOrder priced(String orderId, VipOrderRequest request, CustomerState state, String status,
                                   List<String> subscriptionIds) {
        LocalDate coterm = state.cotermForOrder();
        List<VipLineItem> lines = new ArrayList<>();
        for (int i = 0; i < request.lineItems().size(); i++) {
            VipLineItemRequest line = request.lineItems().get(i);
            String currency = RequestRules.currency(request, line, state);
            Offer offer = state.offers().get(line.offerId());
            FlexDiscount discount = NewLineRules.discount(line, state).orElse(null);
            Pricing.Priced priced = Pricing.price(offer, currency, discount, line.quantity(), state.today(), coterm);
            boolean placed = !subscriptionIds.isEmpty();
            lines.add(new VipLineItem(line.extLineItemNumber(), line.offerId(), line.quantity(),
                    placed ? subscriptionIds.get(i) : "", status, currency, line.deploymentId(), line.discountCode(),
                    flexDiscounts(line, state), placed && Statuses.ACTIVE.equals(status) ? line.quantity() : null,
                    priced.proratedDays(), priced.pricing()));
        }
        boolean keepPrices = !Statuses.CUSTOMER_INACTIVE.equals(status)
                && lines.stream().map(VipLineItem::currencyCode).distinct().count() == 1;
        if (!keepPrices) {
            lines = lines.stream().map(line -> new VipLineItem(line.extLineItemNumber(), line.offerId(),
                    line.quantity(), line.subscriptionId(), line.status(), line.currencyCode(), line.deploymentId(),
                    line.discountCode(), line.flexDiscounts(), line.remainingQuantity(), null, null)).toList();
        }
        return new VipOrder(orderId, state.customer().id(), request.orderType(),
                orEmpty(request.externalReferenceId()), orEmpty(request.referenceOrderId()),
                orderCurrency(request, lines), state.now(), status, orderId.isEmpty() ? null : "API", lines,
                keepPrices ? Pricing.summary(lines) : null);
    }

    private static List<VipFlexDiscount> flexDiscounts(VipLineItemRequest line, CustomerState state) {
        if (line.flexDiscountCodes() == null) {
            return null;
        }
        return line.flexDiscountCodes().stream().map(state.discounts()::get)
                .map(discount -> new VipFlexDiscount(discount.id(), discount.code(), "SUCCESS")).toList();
    }

    private static int activeIndex(List<VipSubscription> subscriptions, VipLineItemRequest line) {
        for (int i = 0; i < subscriptions.size(); i++) {
            if (CustomerState.activeFor(subscriptions.get(i), line.offerId(), line.deploymentId())) {
                return i;
            }
        }
        return -1;
    }

    /** The request's currency, else the first line's. */
    private static String orderCurrency(VipOrderRequest request, List<VipLineItem> lines) {
        return request.currencyCode() != null ? request.currencyCode() : lines.get(0).currencyCode();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Draws ids until one is free: ids are random, so a collision is drawn again. */
    private static String unique(Supplier<String> draw, Predicate<String> free) {
        String id = draw.get();
        while (!free.test(id)) {
            id = draw.get();
        }
        return id;
    }
}
