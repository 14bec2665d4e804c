package dev.licensing.core.internal.settle;

import dev.licensing.api.LicensingError;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.User;
import dev.licensing.core.internal.plan.PlannedLicense;
import dev.licensing.core.internal.plan.PlannedOrder;
import dev.licensing.core.internal.rules.Users.NewUser;

import java.util.List;
import java.util.Map;

/**
 * What settlement decided for one planned order, from what the store holds: whether it is written (no
 * {@code errors}), and then everything record assembly needs beyond the plan.
 *
 * @param appendTo     the stored header of the order the items are added to, or {@code null} for a new order
 * @param customer     the company's customer the request's matched, with the request's details, or {@code null} (none
 *                     given, none matched, or an append, which keeps its order's customer): a new order with a
 *                     customer request creates one
 * @param customerChanged whether those details differ from the stored ones, so that the write updates the customer
 * @param keys         the final key of every key-based license, by plan identity
 * @param users        the users its licenses name that the company has, by {@code Emails.normalize}d email
 * @param newUsers     the users its licenses name that the company lacks, by normalized email, in the order first named
 */
public record Settled(PlannedOrder plan, List<LicensingError> errors, Order appendTo, Customer customer,
                      boolean customerChanged, Map<PlannedLicense, String> keys, Map<String, User> users,
                      Map<String, NewUser> newUsers) {

    static Settled rejected(PlannedOrder plan, List<LicensingError> errors) {
        return new Settled(plan, List.copyOf(errors), null, null, false, Map.of(), Map.of(), Map.of());
    }

    public boolean accepted() {
        return errors.isEmpty();
    }
}
