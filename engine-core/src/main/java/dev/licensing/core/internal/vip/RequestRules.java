package dev.licensing.core.internal.vip;

import dev.licensing.api.catalog.Offer;
import dev.licensing.api.vip.VipError;
import dev.licensing.api.vip.VipLineItemRequest;
import dev.licensing.api.vip.VipOrderRequest;
import dev.licensing.api.vip.VipOrderType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules every Create Order request passes first, in design/vip-marketplace.md's order, from 1121 to 5122: the
 * first rule broken answers, naming every field or line that breaks it.
 */
final class RequestRules {
    static final int MAX_LINES = 499;
    static final int MAX_EXT_LINE_ITEM_NUMBER = 999_999;
    static final int MAX_EXTERNAL_REFERENCE = 35;
    static final int MAX_TEAM_QUANTITY = 10_000;
    static final int MAX_ENTERPRISE_QUANTITY = 200_000;

    private RequestRules() {
    }

    static VipError check(VipOrderRequest request, List<String> unknownFields, List<String> invalidFields,
                          CustomerState state) {
        if (!unknownFields.isEmpty()) {
            return VipErrors.of("1121", unknownFields);
        }
        Set<String> invalid = Set.copyOf(invalidFields);
        List<String> missing = missing(request, invalid);
        if (!missing.isEmpty()) {
            return VipErrors.of("1122", missing);
        }
        List<String> wrong = new ArrayList<>(invalidFields);
        wrong.addAll(badValues(request));
        if (!wrong.isEmpty()) {
            return VipErrors.of("1117", wrong);
        }
        if (request.externalReferenceId() != null && request.externalReferenceId().length() > MAX_EXTERNAL_REFERENCE) {
            return VipErrors.of("2126", "externalReferenceId");
        }
        if (lineItems(request).size() > MAX_LINES) {
            return VipErrors.of("2119");
        }
        return firstLineRule(request, state);
    }

    private static VipError firstLineRule(VipOrderRequest request, CustomerState state) {
        List<VipLineItemRequest> lines = lineItems(request);
        List<String> outOfRange = lines(lines, line -> line.extLineItemNumber() < 0
                || line.extLineItemNumber() > MAX_EXT_LINE_ITEM_NUMBER);
        if (!outOfRange.isEmpty()) {
            return VipErrors.of("2123", outOfRange);
        }
        Map<Integer, Integer> counts = new HashMap<>();
        lines.forEach(line -> counts.merge(line.extLineItemNumber(), 1, Integer::sum));
        List<String> twice = lines(lines, line -> counts.get(line.extLineItemNumber()) > 1);
        if (!twice.isEmpty()) {
            return VipErrors.of("2121", twice);
        }
        // A PREVIEW_RENEWAL line may leave its quantity out (what is left to renew).
        List<String> quantity = lines(lines, line -> line.quantity() != null && (line.quantity() < 1
                || line.quantity() > maxQuantity(state.offers().get(line.offerId()))));
        if (!quantity.isEmpty()) {
            return VipErrors.of("2120", quantity);
        }
        List<String> mixed = lines(lines, line -> request.currencyCode() != null && line.currencyCode() != null
                && !request.currencyCode().equals(line.currencyCode()));
        if (!mixed.isEmpty()) {
            return VipErrors.of("2140", mixed);
        }
        List<String> foreign = lines(lines,
                line -> !state.customer().currencies().contains(currency(request, line, state)));
        if (!foreign.isEmpty()) {
            return VipErrors.of("2137", foreign);
        }
        // New orders stop on the coterm date (the renewal's day) and after it.
        boolean cotermReached = state.coterm() != null && !state.today().isBefore(state.coterm());
        boolean newOrder = request.orderType() == VipOrderType.NEW || request.orderType() == VipOrderType.PREVIEW;
        if (newOrder && cotermReached) {
            return VipErrors.of("5122");
        }
        return null;
    }

    /** The line's currency: its own, the order's, the customer's first. */
    static String currency(VipOrderRequest request, VipLineItemRequest line, CustomerState state) {
        if (line.currencyCode() != null) {
            return line.currencyCode();
        }
        return request.currencyCode() != null ? request.currencyCode() : state.defaultCurrency();
    }

    /** The request's lines; a PREVIEW_RENEWAL may have none. */
    static List<VipLineItemRequest> lineItems(VipOrderRequest request) {
        return request.lineItems() == null ? List.of() : request.lineItems();
    }

    /** TEAM offers (and unknown ones, which a later rule refuses) 10,000; ENTERPRISE 200,000. */
    static int maxQuantity(Offer offer) {
        return offer != null && "ENTERPRISE".equals(offer.productType()) ? MAX_ENTERPRISE_QUANTITY
                : MAX_TEAM_QUANTITY;
    }

    private static List<String> missing(VipOrderRequest request, Set<String> invalid) {
        List<String> missing = new ArrayList<>();
        if (request.orderType() == null && !invalid.contains("orderType")) {
            missing.add("orderType");
        }
        boolean renewalPreview = request.orderType() == VipOrderType.PREVIEW_RENEWAL;
        if ((request.lineItems() == null || request.lineItems().isEmpty()) && !invalid.contains("lineItems")
                && !renewalPreview) {
            missing.add("lineItems");
        }
        if (request.orderType() == VipOrderType.RETURN && request.referenceOrderId() == null
                && !invalid.contains("referenceOrderId")) {
            missing.add("referenceOrderId");
        }
        List<VipLineItemRequest> lines = request.lineItems() == null ? List.of() : request.lineItems();
        boolean renewal = renewalPreview || request.orderType() == VipOrderType.RENEWAL;
        for (int i = 0; i < lines.size(); i++) {
            String path = "lineItems[" + i + "]";
            if (invalid.contains(path)) {
                continue;
            }
            VipLineItemRequest line = lines.get(i);
            require(line.extLineItemNumber(), path + ".extLineItemNumber", invalid, missing);
            require(line.offerId(), path + ".offerId", invalid, missing);
            if (!renewalPreview) {
                require(line.quantity(), path + ".quantity", invalid, missing);
            }
            if (renewal) {
                require(line.subscriptionId(), path + ".subscriptionId", invalid, missing);
            }
        }
        return missing;
    }

    private static void require(Object value, String path, Set<String> invalid, List<String> missing) {
        if (value == null && !invalid.contains(path)) {
            missing.add(path);
        }
    }

    /** Values of the right JSON type that are still wrong: currencies outside [A-Z]{3}, a reference off RETURN. */
    private static List<String> badValues(VipOrderRequest request) {
        List<String> bad = new ArrayList<>();
        if (request.currencyCode() != null && !VipCatalogRules.CURRENCY.matcher(request.currencyCode()).matches()) {
            bad.add("currencyCode");
        }
        if (request.referenceOrderId() != null && !request.referenceOrderId().isEmpty()
                && request.orderType() != VipOrderType.RETURN) {
            bad.add("referenceOrderId");
        }
        List<VipLineItemRequest> lines = request.lineItems() == null ? List.of() : request.lineItems();
        for (int i = 0; i < lines.size(); i++) {
            String currency = lines.get(i).currencyCode();
            if (currency != null && !VipCatalogRules.CURRENCY.matcher(currency).matches()) {
                bad.add("lineItems[" + i + "].currencyCode");
            }
        }
        return bad;
    }

    /** The line details ({@code "Line Item: 4"}) of the lines that break a rule. */
    static List<String> lines(List<VipLineItemRequest> lines, Predicate<VipLineItemRequest> broken) {
        List<String> details = new ArrayList<>();
        for (VipLineItemRequest line : lines) {
            if (broken.test(line)) {
                details.add(VipErrors.line(line.extLineItemNumber(), null));
            }
        }
        return details;
    }
}
