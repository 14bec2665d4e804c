package dev.licensing.core.internal.rules;

import dev.licensing.api.model.Customer;
import dev.licensing.api.order.CustomerRequest;
import dev.licensing.api.order.OrderRequest;

import java.util.Map;
import java.util.Optional;

/**
 * The order's customer: matched within the company by email (ignoring case), else by reference, else created from the
 * request's fields with the order's {@code customer_account_id}. The order's account is its own
 * {@code customer_account_id}, else (unless {@code add_to_customer_account} is false) its customer's account.
 */
public final class Customers {
    private Customers() {
    }

    /**
     * @param byEmail     the company's customers keyed by lower-case email
     * @param byReference the company's customers keyed by reference
     */
    public static Optional<Customer> match(CustomerRequest request, Map<String, Customer> byEmail,
                                           Map<String, Customer> byReference) {
        if (request.email() != null) {
            Customer match = byEmail.get(Emails.normalize(request.email()));
            if (match != null) {
                return Optional.of(match);
            }
        }
        return Optional.ofNullable(request.reference()).map(byReference::get);
    }

    public static Customer create(long id, OrderRequest order) {
        CustomerRequest c = order.customer();
        return new Customer(id, c.email(), c.firstName(), c.lastName(), c.companyName(), c.phone(), c.address(),
                c.reference(), order.customerAccountId());
    }

    /** @param customer the order's customer, or {@code null} */
    public static Long orderAccount(OrderRequest order, Customer customer) {
        if (order.customerAccountId() != null) {
            return order.customerAccountId();
        }
        if (customer == null || Boolean.FALSE.equals(order.addToCustomerAccount())) {
            return null;
        }
        return customer.customerAccountId();
    }

    /** Whether the customer manages the order's licenses. */
    public static boolean isManager(OrderRequest order) {
        return order.customer() != null && Boolean.TRUE.equals(order.customer().isManager());
    }
}
