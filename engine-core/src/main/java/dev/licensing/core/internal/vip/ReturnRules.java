package dev.licensing.core.internal.vip;

import dev.licensing.api.catalog.Offer;
import dev.licensing.api.vip.VipError;
import dev.licensing.api.vip.VipLineItem;
import dev.licensing.api.vip.VipLineItemRequest;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipOrderRequest;
import dev.licensing.api.vip.VipOrderType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** The rules of a RETURN order against its original, from 2115 to 2137, in design/vip-marketplace.md's order. */
final class ReturnRules {
    static final Duration WINDOW = Duration.ofDays(14);
    static final String NOT_RETURNABLE = "PARTIAL_CANCELLATION_NOT_ALLOWED_FOR_SCP_OR_CONSUMABLE";

    private ReturnRules() {
    }

    /** @param original the order {@code referenceOrderId} names in the company, or {@code null} */
    static VipError check(VipOrderRequest request, VipOrder original, CustomerState state) {
        if (original == null || !original.customerId().equals(state.customer().id())) {
            return VipErrors.of("2115", "referenceOrderId");
        }
        if (original.orderType() != VipOrderType.NEW && original.orderType() != VipOrderType.RENEWAL) {
            return VipErrors.of("1117", "referenceOrderId");
        }
        if (Statuses.CUSTOMER_INACTIVE.equals(original.status()) || Statuses.INACTIVE.equals(original.status())) {
            return VipErrors.of("2116", "referenceOrderId");
        }
        List<VipLineItemRequest> lines = request.lineItems();
        if (state.now().isAfter(original.creationDate().plus(WINDOW))) {
            return VipErrors.of("2134", RequestRules.lines(lines, line -> true));
        }
        List<String> noSuchLine = RequestRules.lines(lines, line -> originalLine(original, line) == null);
        if (!noSuchLine.isEmpty()) {
            return VipErrors.of("2131", noSuchLine);
        }
        VipError broken = first(request, original, state, "2130",
                (line, old) -> !old.offerId().equals(line.offerId()) ? "" : null);
        if (broken == null) {
            broken = first(request, original, state, "2127", (line, old) -> {
                Offer offer = state.offers().get(old.offerId());
                return offer != null && !offer.returnable() ? NOT_RETURNABLE : null;
            });
        }
        if (broken == null) {
            broken = first(request, original, state, "2133", (line, old) -> remaining(old) == 0 ? "" : null);
        }
        if (broken == null) {
            broken = first(request, original, state, "2132", (line, old) -> RenewalRules.pendingEarly(original, old,
                    state.subscriptions()) && line.quantity() != remaining(old) ? "" : null);
        }
        if (broken == null) {
            broken = first(request, original, state, VipErrors.RETURN_QTY_EXCEEDS_REMAINING,
                    (line, old) -> line.quantity() > remaining(old) ? "" : null);
        }
        if (broken == null) {
            broken = first(request, original, state, "2137", (line, old) ->
                    !old.currencyCode().equals(RequestRules.currency(request, line, state)) ? "" : null);
        }
        return broken;
    }

    static VipLineItem originalLine(VipOrder original, VipLineItemRequest line) {
        return original.lineItems().stream().filter(old -> old.extLineItemNumber() == line.extLineItemNumber())
                .findFirst().orElse(null);
    }

    static int remaining(VipLineItem line) {
        return line.remainingQuantity() == null ? 0 : line.remainingQuantity();
    }

    /** The rule's error for every line it finds a reason on ("" for a rule without reasons), or {@code null}. */
    private static VipError first(VipOrderRequest request, VipOrder original, CustomerState state, String code,
                                  BiFunction<VipLineItemRequest, VipLineItem, String> reason) {
        List<String> details = new ArrayList<>();
        for (VipLineItemRequest line : request.lineItems()) {
            String why = reason.apply(line, originalLine(original, line));
            if (why != null) {
                details.add(VipErrors.line(line.extLineItemNumber(), why.isEmpty() ? null : why));
            }
        }
        return details.isEmpty() ? null : VipErrors.of(code, details);
    }
}
