package dev.licensing.core.internal.vip;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.FlexDiscount;
import dev.licensing.api.catalog.Offer;
import dev.licensing.api.catalog.VipCustomer;
import dev.licensing.api.vip.VipSubscription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the rules of one request read: the customer, the catalog's offers and discounts, the customer's coterm date
 * (stored, else the catalog's, else none yet) and subscriptions, and the order's time.
 */
record CustomerState(VipCustomer customer, Map<String, Offer> offers, Map<String, FlexDiscount> discounts,
                     LocalDate storedCoterm, List<VipSubscription> subscriptions, Instant now) {

    static CustomerState of(Catalog catalog, VipCustomer customer, Optional<LocalDate> storedCoterm,
                            List<VipSubscription> subscriptions, Instant now) {
        return new CustomerState(customer,
                catalog.offers().stream().collect(Collectors.toMap(Offer::offerId, Function.identity())),
                catalog.flexDiscounts().stream().collect(Collectors.toMap(FlexDiscount::code, Function.identity())),
                storedCoterm.orElse(null), subscriptions, now);
    }

    LocalDate today() {
        return utcDate(now);
    }

    /** Days are UTC dates (not Adobe's PST). */
    static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The coterm date in force: stored, else the catalog's, else {@code null} (no NEW order yet). */
    LocalDate coterm() {
        return storedCoterm != null ? storedCoterm : customer.cotermDate();
    }

    /** The coterm an order placed now runs to: the one in force, else a year from today (Feb 29 gives Feb 28). */
    LocalDate cotermForOrder() {
        LocalDate coterm = coterm();
        return coterm != null ? coterm : today().plusYears(1);
    }

    /** The customer's currency for a line that names none, and no order-level one: the first. */
    String defaultCurrency() {
        return customer.currencies().get(0);
    }

    Optional<VipSubscription> activeSubscription(String offerId, String deploymentId) {
        return subscriptions.stream().filter(s -> activeFor(s, offerId, deploymentId)).findFirst();
    }

    /** Whether a NEW line of (offer, deployment) adds to this subscription. */
    static boolean activeFor(VipSubscription subscription, String offerId, String deploymentId) {
        return subscription.offerId().equals(offerId) && Objects.equals(subscription.deploymentId(), deploymentId)
                && Statuses.ACTIVE.equals(subscription.status());
    }
}
