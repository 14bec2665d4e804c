package dev.licensing.api.catalog;

/** A customer account (a group of customers), named by the {@code customer_account_id} of a request. */
public record CustomerAccount(long id, String name) {
}
