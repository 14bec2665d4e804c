package dev.licensing.api.store;

import dev.licensing.api.model.Customer;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.User;

import java.util.List;
import java.util.Objects;

/**
 * One order's share of a {@link StoreTransaction#write} batch.
 *
 * @param order       a new order with its items; or, when {@code append}, the existing order's header (as read from
 *                    the store) with only the items to add
 * @param append      whether {@code order} already exists
 * @param newCustomer a customer to create (its id is {@code order.customerId()}), or {@code null}
 * @param newUsers    users new to the company that the order's licenses refer to
 * @param updatedCustomer an existing customer of the company (the order's, by id) with the details the order brings,
 *                    to be stored over it (the latest order's details win; its email and reference stay), or
 *                    {@code null}
 */
public record OrderWrite(Order order, boolean append, Customer newCustomer, List<User> newUsers,
                         Customer updatedCustomer) {
    public OrderWrite {
        Objects.requireNonNull(order, "order");
        newUsers = newUsers == null ? List.of() : List.copyOf(newUsers);
    }

    /** A write that changes no existing customer. */
    public OrderWrite(Order order, boolean append, Customer newCustomer, List<User> newUsers) {
        this(order, append, newCustomer, newUsers, null);
    }
}
