package dev.licensing.core.internal.rules;

import dev.licensing.api.model.Customer;
import dev.licensing.api.order.CustomerRequest;

import java.util.Map;
import java.util.Optional;

/**
 * The order's customer: matched within the company by email (ignoring case), else by reference, else created from the
 * request's fields with the order's {@code customer_account_id}. A matched customer takes the request's non-null
 * details (DESIGN §3 "Customers change": the latest order wins); what it was matched by never changes. The order's account is its own
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

    /** {@code matched} with each detail the request gives (names, company, phone, address) in place of its own. */
    public static Customer updated(Customer matched, CustomerRequest c) {
        return new Customer(matched.id(), matched.email(), latest(c.firstName(), matched.firstName()),
                latest(c.lastName(), matched.lastName()), latest(c.companyName(), matched.companyName()),
                latest(c.phone(), matched.phone()), latest(c.address(), matched.address()), matched.reference(),
                matched.customerAccountId());
    }

    private static String latest(String given, String stored) {
        return given != null ? given : stored;
    }

    /** @param orderAccount the order's own {@code customer_account_id}, which a new customer joins, or {@code null} */
    public static Customer create(long id, CustomerRequest c, Long orderAccount) {
        return new Customer(id, c.email(), c.firstName(), c.lastName(), c.companyName(), c.phone(), c.address(),
                c.reference(), orderAccount);
    }

    /**
     * @param orderAccount the order's own {@code customer_account_id}, or {@code null}
     * @param customer     the order's customer, or {@code null}
     */
    public static Long orderAccount(Long orderAccount, Boolean addToCustomerAccount, Customer customer) {
        if (orderAccount != null) {
            return orderAccount;
        }
        if (customer == null || Boolean.FALSE.equals(addToCustomerAccount)) {
            return null;
        }
        return customer.customerAccountId();
    }
}
