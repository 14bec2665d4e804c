package dev.licensing.core.vip;

import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipOrderRequest;
import dev.licensing.api.vip.VipOrderResult;
import dev.licensing.api.vip.VipRejectedException;
import dev.licensing.api.vip.VipSubscription;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.core.importing.ImportSummary;
import dev.licensing.core.internal.vip.Answer;
import dev.licensing.core.internal.vip.VipErrors;
import dev.licensing.core.internal.vip.VipImport;
import dev.licensing.core.internal.vip.VipService;
import dev.licensing.core.internal.wire.Utf8Text;

import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The VIP Marketplace dialect of a {@code LicenseEngine} ({@code engine.vip()}): Adobe's Create Order (NEW, PREVIEW,
 * RETURN, RENEWAL, PREVIEW_RENEWAL), Get Order, Get Order History, the customer's subscriptions, Update Subscription
 * and the renewal run, on the engine's store, clock and random
 * source. Every refusal is a {@link VipRejectedException} carrying Adobe's code, message, details and HTTP status.
 * Thread-safe.
 */
public final class VipMarketplace {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;
    private static final Set<String> HISTORY_TYPES = Set.of("NEW", "RETURN", "RENEWAL");
    private static final Set<String> HISTORY_STATUSES = Set.of("1000", "1002", "1004", "1008", "1024");

    private final VipService service;
    private final VipJson json = new VipJson();

    private final LicenseStore store;
    private final LongSupplier ticker;

    /** @param ticker the engine's nanosecond ticker, for an import's elapsed time */
    public VipMarketplace(VipService service, LicenseStore store, LongSupplier ticker) {
        this.service = Objects.requireNonNull(service, "service");
        this.store = Objects.requireNonNull(store, "store");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /**
     * Imports VIP order history, one {@code {"customerId", "order", "correlationId"?, "creationDate"?}} a line, as
     * {@code licensing import --dialect vip} does: each order placed as {@link #createOrderJson} would at the line's
     * {@code creationDate}, whole or not at all; each line's outcome goes to {@code listener} in line order.
     *
     * @param skipExisting a line whose correlation id has a kept order is skipped (finishing a cut-off import)
     */
    public ImportSummary importOrders(String company, Iterator<String> lines, boolean skipExisting,
                                      Consumer<VipImportOutcome> listener) {
        return new VipImport(this, store, company, skipExisting, listener, ticker, () -> false).run(lines);
    }

    /**
     * As {@link #importOrders(String, Iterator, boolean, Consumer)}, from the file's bytes, each line decoded alone as
     * strict UTF-8: a line that is not (a Windows-1252 {@code é}) is refused as 1117 and the import goes on. Reads
     * {@code in} to its end; the caller closes it.
     */
    public ImportSummary importOrders(String company, InputStream in, boolean skipExisting,
                                      Consumer<VipImportOutcome> listener) {
        return importOrders(company, in, skipExisting, listener, () -> false);
    }

    /**
     * As {@link #importOrders(String, InputStream, boolean, Consumer)}, asking {@code stopRequested} before each line:
     * once it answers true (a signal, say), the import ends after the line it placed last, every placed line heard.
     */
    public ImportSummary importOrders(String company, InputStream in, boolean skipExisting,
                                      Consumer<VipImportOutcome> listener, BooleanSupplier stopRequested) {
        return new VipImport(this, store, company, skipExisting, listener, ticker, stopRequested).run(in);
    }

    /**
     * As {@link #createOrderJson(String, String, String, VipOrderOptions)}, from the body's bytes as they arrive:
     * strict UTF-8, a byte-order mark in front skipped; bytes that are not UTF-8 are not a JSON object (RFC 8259 §8.1),
     * so they are 1117 like any body that is not one, never text with U+FFFD stored in place of the bytes.
     */
    public VipOrderResult createOrderJson(String company, String customerId, byte[] body, VipOrderOptions options) {
        Objects.requireNonNull(body, "body");
        requireIds(company, customerId);
        return result(service.createOrder(company, customerId, () -> {
            Utf8Text.Decoded text = new Utf8Text().decodeBody(body);
            return text.text() == null ? null : json.readRequest(text.text());
        }, options));
    }

    /**
     * Places (or, for PREVIEW, prices) the order a Create Order body describes for the customer.
     *
     * @throws VipRejectedException with the first rule the request breaks; nothing was written but the kept answer of
     *                              a correlation id
     */
    public VipOrderResult createOrderJson(String company, String customerId, String body, VipOrderOptions options) {
        requireIds(company, customerId);
        return result(service.createOrder(company, customerId, () -> json.readRequest(body), options));
    }

    /** As {@link #createOrderJson}, from a request value. */
    public VipOrderResult createOrder(String company, String customerId, VipOrderRequest request,
                                      VipOrderOptions options) {
        Objects.requireNonNull(request, "request");
        requireIds(company, customerId);
        return result(service.createOrder(company, customerId,
                () -> new DecodedVipRequest(request, List.of(), List.of()), options));
    }

    /**
     * Get Order: the order as stored (status 1000 once placed), with its prices when {@code fetchPrice}.
     *
     * @throws VipRejectedException 1116 unknown customer, 2115 not the customer's order
     */
    public VipOrder getOrder(String company, String customerId, String orderId, boolean fetchPrice) {
        requireIds(company, customerId);
        return service.getOrder(company, customerId, orderId, fetchPrice);
    }

    /**
     * Get Order History: newest first, filtered and paged.
     *
     * @throws VipRejectedException 1116 unknown customer, 1132 a bad filter or limit, 1133 an offset past the end
     */
    public VipOrderPage orders(String company, String customerId, VipOrderQuery query) {
        requireIds(company, customerId);
        List<VipOrder> all = service.history(company, customerId);
        if (!HISTORY_TYPES.containsAll(query.orderTypes()) || !HISTORY_STATUSES.containsAll(query.statuses())
                || (query.limit() != null && query.limit() < 1) || (query.offset() != null && query.offset() < 0)) {
            throw new VipRejectedException(VipErrors.of("1132"));
        }
        List<VipOrder> matching = all.stream()
                .filter(order -> query.orderTypes().isEmpty() || query.orderTypes().contains(order.orderType().name()))
                .filter(order -> query.statuses().isEmpty() || query.statuses().contains(order.status()))
                .toList();
        int limit = query.limit() == null ? DEFAULT_LIMIT : Math.min(query.limit(), MAX_LIMIT);
        int offset = query.offset() == null ? 0 : query.offset();
        if (offset > matching.size()) {
            throw new VipRejectedException(VipErrors.of("1133"));
        }
        List<VipOrder> page = matching.subList(offset, Math.min(matching.size(), offset + limit));
        String base = "/v3/customers/" + customerId + "/orders?" + filters(query);
        String next = offset + limit < matching.size() ? base + "offset=" + (offset + limit) + "&limit=" + limit : null;
        String prev = offset > 0 ? base + "offset=" + Math.max(0, offset - limit) + "&limit=" + limit : null;
        return new VipOrderPage(matching.size(), offset, limit, page, base + "offset=" + offset + "&limit=" + limit,
                next, prev);
    }

    /** Get Subscriptions: the customer's subscriptions, oldest first. */
    public List<VipSubscription> subscriptions(String company, String customerId) {
        requireIds(company, customerId);
        return service.subscriptions(company, customerId);
    }

    /**
     * Get Subscription Details.
     *
     * @throws VipRejectedException 1116 unknown customer, 3115 not the customer's subscription
     */
    public VipSubscription subscription(String company, String customerId, String subscriptionId) {
        requireIds(company, customerId);
        return service.subscription(company, customerId, subscriptionId);
    }

    /**
     * Update Subscription: {@code autoRenewal} turns auto-renewal on or off, {@code renewalQuantity} sets what the
     * renewal run orders (kept until the subscription turns inactive); {@code null} leaves a setting as it is.
     *
     * @return the subscription as updated
     * @throws IllegalArgumentException neither setting given
     * @throws VipRejectedException     1116 unknown customer, 3115 not the customer's subscription, 3116 a renewal
     *                                  quantity out of 1..10,000 (ENTERPRISE 200,000), 3119 an inactive subscription
     */
    public VipSubscription updateSubscription(String company, String customerId, String subscriptionId,
                                              Boolean autoRenewal, Integer renewalQuantity) {
        requireIds(company, customerId);
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        if (autoRenewal == null && renewalQuantity == null) {
            throw new IllegalArgumentException("an update sets auto-renewal, the renewal quantity or both");
        }
        return service.updateSubscription(company, customerId, subscriptionId, autoRenewal, renewalQuantity);
    }

    /**
     * The renewal run at the engine's clock (no scheduler runs inside the engine: a server calls this from its own).
     * For each customer whose coterm date has come, date by date up to today: subscriptions with auto-renewal on renew
     * in one RENEWAL order ({@code source} "System", created on that date at midnight UTC) for their renewal quantity
     * less what was renewed early; those with it off keep what was renewed early, else expire (1004,
     * {@code allowedActions ["MANUAL_RENEWAL"]}); the coterm date moves a year on. Each customer is one transaction,
     * and a second run at the same time changes nothing.
     */
    public VipRenewalRun renewDue(String company) {
        if (company == null || company.isEmpty()) {
            throw new IllegalArgumentException("a company is a non-empty string");
        }
        return service.renewDue(company);
    }

    /** A company is a non-empty string, as everywhere in the engine; a customer id is given (an unknown one is 1116). */
    private static void requireIds(String company, String customerId) {
        if (company == null || company.isEmpty()) {
            throw new IllegalArgumentException("a company is a non-empty string");
        }
        Objects.requireNonNull(customerId, "customerId");
    }

    private static String filters(VipOrderQuery query) {
        StringBuilder filters = new StringBuilder();
        query.orderTypes().forEach(type -> filters.append("order-type=").append(type).append('&'));
        query.statuses().forEach(status -> filters.append("status=").append(status).append('&'));
        return filters.toString();
    }

    private static VipOrderResult result(Answer answer) {
        if (answer.error() != null) {
            throw new VipRejectedException(answer.error());
        }
        return new VipOrderResult(answer.order(), answer.httpStatus(), answer.replayed());
    }
}
