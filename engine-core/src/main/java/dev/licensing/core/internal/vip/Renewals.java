package dev.licensing.core.internal.vip;

import dev.licensing.api.catalog.Offer;
import dev.licensing.api.vip.VipLineItem;
import dev.licensing.api.vip.VipLineItemRequest;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipOrderType;
import dev.licensing.api.vip.VipSubscription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What renewing does to subscriptions and the RENEWAL orders it writes: a manual RENEWAL's lines, and the renewal run
 * of one customer (design/vip-marketplace.md "V2: renewals"), catching up every coterm date that has come, in order.
 */
final class Renewals {
    static final String SYSTEM = "System";

    private Renewals() {
    }

    /** What the run did for one customer: its orders, the subscriptions it expired, what to write. */
    record CustomerRun(LocalDate coterm, List<VipOrder> orders, List<VipSubscription> changed,
                       List<VipSubscription> expired) {
    }

    /**
     * The run for one customer whose coterm date {@code coterm} is today or before: per coterm date D up to today,
     * each active subscription renewing on D renews (enabled: ordering what was not renewed early) or, disabled and not
     * renewed early, expires; the coterm moves a year on.
     *
     * @param orderIds draws a fresh order id
     */
    static CustomerRun run(String customerId, LocalDate coterm, List<VipSubscription> subscriptions,
                           Map<String, Offer> offers, LocalDate today, Supplier<String> orderIds) {
        Map<String, VipSubscription> current = new LinkedHashMap<>();
        subscriptions.forEach(s -> current.put(s.subscriptionId(), s));
        Map<String, VipSubscription> changed = new LinkedHashMap<>();
        List<VipOrder> orders = new ArrayList<>();
        List<VipSubscription> expired = new ArrayList<>();
        LocalDate due = coterm;
        while (!due.isAfter(today)) {
            LocalDate next = due.plusYears(1);
            List<VipLineItem> lines = new ArrayList<>();
            for (VipSubscription subscription : List.copyOf(current.values())) {
                if (!Statuses.ACTIVE.equals(subscription.status()) || !subscription.renewalDate().equals(due)) {
                    continue;
                }
                int renewed = subscription.renewedQuantity();
                VipSubscription after;
                if (subscription.autoRenewalEnabled()) {
                    int toOrder = subscription.renewalQuantity() - renewed;
                    if (toOrder > 0) {
                        lines.add(line(lines.size() + 1, subscription, toOrder, null, Statuses.ACTIVE, offers));
                    }
                    after = subscription.renewed(Math.max(subscription.renewalQuantity(), renewed), next);
                } else if (renewed > 0) {
                    after = subscription.renewed(renewed, next);
                } else {
                    after = subscription.expire();
                    expired.add(after);
                }
                current.put(after.subscriptionId(), after);
                changed.put(after.subscriptionId(), after);
            }
            if (!lines.isEmpty()) {
                orders.add(order(orderIds.get(), customerId, VipOrderType.RENEWAL, "", null,
                        due.atStartOfDay().toInstant(ZoneOffset.UTC), Statuses.ACTIVE, SYSTEM, lines));
            }
            due = next;
        }
        return new CustomerRun(due, orders, List.copyOf(changed.values()), expired);
    }

    /**
     * A renewal line for the subscription's next term: from its renewal date a year on, in its currency.
     *
     * @param request the request's line, or {@code null} for the run's (and PREVIEW_RENEWAL's without lines)
     * @param status  "1000" on placed orders and the run's preview; "" on a preview of given lines
     */
    static VipLineItem line(int extLineItemNumber, VipSubscription subscription, int quantity,
                            VipLineItemRequest request, String status, Map<String, Offer> offers) {
        Pricing.Priced priced = Pricing.renewal(offers.get(subscription.offerId()), subscription.currencyCode(),
                quantity, subscription.renewalDate());
        boolean placed = Statuses.ACTIVE.equals(status);
        return new VipLineItem(extLineItemNumber, subscription.offerId(), quantity, subscription.subscriptionId(),
                status, subscription.currencyCode(),
                request != null ? request.deploymentId() : subscription.deploymentId(),
                request != null ? request.discountCode() : null, null, placed ? quantity : null,
                priced.proratedDays(), priced.pricing());
    }

    /**
     * A renewal order; prices are kept when every line has them in one currency (as Get Order shows them).
     *
     * @param currencyCode the request's, else the first line's
     */
    static VipOrder order(String orderId, String customerId, VipOrderType type, String externalReferenceId,
                          String currencyCode, Instant creationDate, String status, String source,
                          List<VipLineItem> lines) {
        boolean keepPrices = lines.stream().allMatch(line -> line.pricing() != null)
                && lines.stream().map(VipLineItem::currencyCode).distinct().count() == 1;
        List<VipLineItem> kept = keepPrices ? lines : lines.stream().map(line -> new VipLineItem(
                line.extLineItemNumber(), line.offerId(), line.quantity(), line.subscriptionId(), line.status(),
                line.currencyCode(), line.deploymentId(), line.discountCode(), line.flexDiscounts(),
                line.remainingQuantity(), null, null)).toList();
        return new VipOrder(orderId, customerId, type, externalReferenceId, "",
                currencyCode != null ? currencyCode : lines.get(0).currencyCode(), creationDate, status, source, kept,
                keepPrices ? Pricing.summary(kept) : null);
    }
}
