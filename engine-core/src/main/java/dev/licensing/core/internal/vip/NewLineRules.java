package dev.licensing.core.internal.vip;

import dev.licensing.api.catalog.FlexDiscount;
import dev.licensing.api.catalog.Offer;
import dev.licensing.api.vip.VipError;
import dev.licensing.api.vip.VipLineItemRequest;
import dev.licensing.api.vip.VipOrderRequest;
import dev.licensing.api.vip.VipOrderType;
import dev.licensing.api.vip.VipSubscription;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The line rules of NEW and PREVIEW orders, from 2122 to 2148, in design/vip-marketplace.md's order. */
final class NewLineRules {
    static final String INELIGIBLE_MARKET_SEGMENT = "INELIGIBLE_MARKET_SEGMENT";
    static final String INELIGIBLE_ADD_ON = "INELIGIBLE_ADD_ON";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String NOT_ELIGIBLE = "INELIGIBLE_COMMITMENT_STATUS_OR_NOT_ELIGIBLE";
    static final String INVALID_FLEX = "Invalid Flexible Discount";

    private NewLineRules() {
    }

    static VipError check(VipOrderRequest request, CustomerState state, boolean fetchPrice) {
        List<VipLineItemRequest> lines = request.lineItems();
        List<String> unknown = RequestRules.lines(lines, line -> !state.offers().containsKey(line.offerId()));
        if (!unknown.isEmpty()) {
            return VipErrors.of("2122", unknown);
        }
        Set<String> orderedOffers = lines.stream().map(VipLineItemRequest::offerId).collect(Collectors.toSet());
        VipError ineligible = byReason("2129", lines, line -> ineligibility(offer(state, line), orderedOffers, state));
        if (ineligible != null) {
            return ineligible;
        }
        List<String> unpriced = RequestRules.lines(lines,
                line -> !offer(state, line).prices().containsKey(RequestRules.currency(request, line, state)));
        if (!unpriced.isEmpty()) {
            return VipErrors.of("2128", unpriced);
        }
        List<String> misaligned = RequestRules.lines(lines, line -> state.activeSubscription(line.offerId(),
                line.deploymentId()).map(VipSubscription::currencyCode)
                .filter(currency -> !currency.equals(RequestRules.currency(request, line, state))).isPresent());
        if (!misaligned.isEmpty()) {
            return VipErrors.of("2137", misaligned);
        }
        String hvdCode = state.customer().hvd() == null ? null : state.customer().hvd().discountCode();
        List<String> badCode = RequestRules.lines(lines,
                line -> line.discountCode() != null && !line.discountCode().equals(hvdCode));
        if (!badCode.isEmpty()) {
            return VipErrors.of("5135", badCode);
        }
        VipError flex = flexRules(request, state);
        if (flex != null) {
            return flex;
        }
        if (fetchPrice && request.orderType() == VipOrderType.PREVIEW && lines.stream()
                .map(line -> RequestRules.currency(request, line, state)).distinct().count() > 1) {
            return VipErrors.of("2148");
        }
        return null;
    }

    private static VipError flexRules(VipOrderRequest request, CustomerState state) {
        List<VipLineItemRequest> lines = request.lineItems();
        List<String> two = RequestRules.lines(lines, line -> codes(line).size() > 1);
        if (!two.isEmpty()) {
            return VipErrors.of("2147", two);
        }
        VipError unknown = byReason("2146", lines, line -> codes(line).stream()
                .anyMatch(code -> !state.discounts().containsKey(code)) ? NOT_FOUND : null);
        if (unknown != null) {
            return unknown;
        }
        List<String> addOn = RequestRules.lines(lines,
                line -> !codes(line).isEmpty() && !offer(state, line).addOnFor().isEmpty());
        if (!addOn.isEmpty()) {
            return VipErrors.of("2145", addOn);
        }
        List<String> combined = RequestRules.lines(lines,
                line -> !codes(line).isEmpty() && line.discountCode() != null);
        if (!combined.isEmpty()) {
            return VipErrors.of("2144", combined);
        }
        return byReason("2141", lines, line -> codes(line).isEmpty() ? null
                : unqualified(state.discounts().get(codes(line).get(0)), line,
                RequestRules.currency(request, line, state), state));
    }

    /** Why the customer may not have this flex discount on this line, or {@code null}. */
    private static String unqualified(FlexDiscount discount, VipLineItemRequest line, String currency,
                                      CustomerState state) {
        if (!state.customer().flexDiscountEligible()) {
            return NOT_ELIGIBLE;
        }
        LocalDate today = state.today();
        boolean inDates = !today.isBefore(discount.startDate()) && !today.isAfter(discount.endDate());
        boolean forOffer = discount.offers().isEmpty() || discount.offers().contains(line.offerId());
        boolean priced = discount.percent() != null || discount.amounts().containsKey(currency);
        return inDates && forOffer && priced ? null : INVALID_FLEX;
    }

    /** Why the customer may not buy the offer, or {@code null}. */
    private static String ineligibility(Offer offer, Set<String> orderedOffers, CustomerState state) {
        if (!offer.marketSegment().equals(state.customer().marketSegment())) {
            return INELIGIBLE_MARKET_SEGMENT;
        }
        if (offer.addOnFor().isEmpty()) {
            return null;
        }
        boolean baseOrdered = offer.addOnFor().stream().anyMatch(orderedOffers::contains);
        boolean baseActive = state.subscriptions().stream().anyMatch(s -> Statuses.ACTIVE.equals(s.status())
                && offer.addOnFor().contains(s.offerId()));
        return baseOrdered || baseActive ? null : INELIGIBLE_ADD_ON;
    }

    static List<String> codes(VipLineItemRequest line) {
        return line.flexDiscountCodes() == null ? List.of() : line.flexDiscountCodes();
    }

    static Optional<FlexDiscount> discount(VipLineItemRequest line, CustomerState state) {
        return codes(line).stream().findFirst().map(state.discounts()::get);
    }

    private static Offer offer(CustomerState state, VipLineItemRequest line) {
        return state.offers().get(line.offerId());
    }

    /** One code for every line with a reason, each detail naming its reason. */
    private static VipError byReason(String code, List<VipLineItemRequest> lines,
                                     Function<VipLineItemRequest, String> reason) {
        List<String> details = new ArrayList<>();
        for (VipLineItemRequest line : lines) {
            String why = reason.apply(line);
            if (why != null) {
                details.add(VipErrors.line(line.extLineItemNumber(), why));
            }
        }
        return details.isEmpty() ? null : VipErrors.of(code, details);
    }
}
