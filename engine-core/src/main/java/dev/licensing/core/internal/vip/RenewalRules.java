package dev.licensing.core.internal.vip;

import dev.licensing.api.vip.VipError;
import dev.licensing.api.vip.VipLineItem;
import dev.licensing.api.vip.VipLineItemRequest;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipOrderRequest;
import dev.licensing.api.vip.VipSubscription;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules of RENEWAL and PREVIEW_RENEWAL lines (design/vip-marketplace.md "V2: renewals"), in the order checked:
 * 3115, 1117, 3121, 3122, 2164, 2120. Early: an active subscription 30 to 1 days before its renewal date, up to what is
 * not renewed yet. Late: an expired subscription up to 14 days after it, up to the prior term's quantity.
 */
final class RenewalRules {
    static final int EARLY_DAYS = 30;
    static final int LATE_DAYS = 14;

    private RenewalRules() {
    }

    /** One line to renew: the subscription as it stands, early or late, and the quantity. */
    record Renewal(int extLineItemNumber, VipLineItemRequest line, VipSubscription subscription, boolean early,
                   int quantity) {
    }

    /** The lines to renew, or the first rule broken. */
    record Checked(List<Renewal> renewals, VipError error) {
        static Checked rejected(VipError error) {
            return new Checked(List.of(), error);
        }
    }

    static Checked check(VipOrderRequest request, CustomerState state) {
        List<VipLineItemRequest> lines = request.lineItems();
        List<String> unknown = RequestRules.lines(lines, line -> subscription(state, line).isEmpty());
        if (!unknown.isEmpty()) {
            return Checked.rejected(VipErrors.of("3115", unknown));
        }
        // A subscription renews once per order: a second line naming it is a wrong value, as another offer is.
        List<String> wrong = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            VipLineItemRequest line = lines.get(i);
            if (!subscription(state, line).orElseThrow().offerId().equals(line.offerId())) {
                wrong.add("lineItems[" + i + "].offerId");
            }
            if (!named.add(line.subscriptionId())) {
                wrong.add("lineItems[" + i + "].subscriptionId");
            }
        }
        if (!wrong.isEmpty()) {
            return Checked.rejected(VipErrors.of("1117", wrong));
        }
        LocalDate today = state.today();
        List<String> notAllowed = linesWhere(lines, state, s -> Statuses.ACTIVE.equals(s.status())
                ? !today.isBefore(s.renewalDate()) : !s.expired());
        if (!notAllowed.isEmpty()) {
            return Checked.rejected(VipErrors.of("3121", notAllowed));
        }
        List<String> outside = linesWhere(lines, state, s -> !early(s, today) && !late(s, today));
        if (!outside.isEmpty()) {
            return Checked.rejected(VipErrors.of("3122", outside));
        }
        List<String> allRenewed = linesWhere(lines, state, s -> early(s, today) && left(s, today) == 0);
        if (!allRenewed.isEmpty()) {
            return Checked.rejected(VipErrors.of("2164", allRenewed));
        }
        List<String> tooMany = RequestRules.lines(lines, line -> line.quantity() != null
                && line.quantity() > left(subscription(state, line).orElseThrow(), today));
        if (!tooMany.isEmpty()) {
            return Checked.rejected(VipErrors.of("2120", tooMany));
        }
        List<Renewal> renewals = new ArrayList<>();
        for (VipLineItemRequest line : lines) {
            VipSubscription subscription = subscription(state, line).orElseThrow();
            renewals.add(new Renewal(line.extLineItemNumber(), line, subscription, early(subscription, today),
                    line.quantity() != null ? line.quantity() : left(subscription, today)));
        }
        return new Checked(renewals, null);
    }

    /**
     * A PREVIEW_RENEWAL without lines: what the renewal run would order, a line per active subscription with auto-renewal
     * enabled and something left to renew; 2136 when none is enabled, 2164 when all are renewed.
     */
    static Checked due(CustomerState state) {
        List<VipSubscription> enabled = state.subscriptions().stream()
                .filter(s -> Statuses.ACTIVE.equals(s.status()) && s.autoRenewalEnabled()).toList();
        if (enabled.isEmpty()) {
            return Checked.rejected(VipErrors.of("2136"));
        }
        List<Renewal> renewals = new ArrayList<>();
        for (VipSubscription subscription : enabled) {
            int left = subscription.renewalQuantity() - subscription.renewedQuantity();
            if (left > 0) {
                renewals.add(new Renewal(renewals.size() + 1, null, subscription, false, left));
            }
        }
        return renewals.isEmpty() ? Checked.rejected(VipErrors.of("2164")) : new Checked(renewals, null);
    }

    /**
     * Whether a RENEWAL order's line is an early renewal still waiting for its renewal date: the order was placed in
     * the early window of the subscription's renewal date as it stands. Once the renewal run has moved that date the
     * renewed seats are current ones, and a late renewal's date is the coterm, at least a term after its order.
     */
    static boolean pendingEarly(VipOrder order, VipLineItem line, List<VipSubscription> subscriptions) {
        LocalDate placed = CustomerState.utcDate(order.creationDate());
        return subscriptions.stream().filter(s -> s.subscriptionId().equals(line.subscriptionId())).findFirst()
                .filter(s -> early(s, placed) && s.renewedQuantity() > 0).isPresent();
    }

    private static boolean early(VipSubscription subscription, LocalDate day) {
        LocalDate renewal = subscription.renewalDate();
        return Statuses.ACTIVE.equals(subscription.status()) && !day.isBefore(renewal.minusDays(EARLY_DAYS))
                && day.isBefore(renewal);
    }

    private static boolean late(VipSubscription subscription, LocalDate day) {
        LocalDate renewal = subscription.renewalDate();
        return subscription.expired() && !day.isBefore(renewal) && !day.isAfter(renewal.plusDays(LATE_DAYS));
    }

    /** What a line may renew: early, the seats not renewed yet; late, the prior term's quantity. */
    private static int left(VipSubscription subscription, LocalDate today) {
        return early(subscription, today) ? subscription.currentQuantity() - subscription.renewedQuantity()
                : subscription.currentQuantity();
    }

    private static Optional<VipSubscription> subscription(CustomerState state, VipLineItemRequest line) {
        return state.subscriptions().stream().filter(s -> s.subscriptionId().equals(line.subscriptionId()))
                .findFirst();
    }

    private static List<String> linesWhere(List<VipLineItemRequest> lines, CustomerState state,
                                           Predicate<VipSubscription> broken) {
        return RequestRules.lines(lines, line -> broken.test(subscription(state, line).orElseThrow()));
    }
}
