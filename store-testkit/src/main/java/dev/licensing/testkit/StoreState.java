package dev.licensing.testkit;

import dev.licensing.api.model.Customer;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.User;

import java.util.Map;
import java.util.Set;

/**
 * What a store answers, per company, to every lookup the suite ever made a value for: two states are equal when no read
 * of those values can tell them apart.
 */
record StoreState(Map<String, CompanyState> companies) {

    /** One company's answers, keyed as the SPI keys them. */
    record CompanyState(
            Map<String, Order> orders,
            Map<String, Order> headers,
            Set<String> keys,
            Map<String, User> users,
            Map<String, Customer> customersByEmail,
            Map<String, Customer> customersByReference) {
    }
}
