package dev.licensing.api.catalog;

import java.util.List;

/**
 * A company's catalog: the products it sells, their license policies, and its customer accounts. LicenseSpring keeps
 * these in its web console; the engine takes them as a value (from the catalog file or the Java API) and the store keeps
 * them per company.
 */
public record Catalog(List<Product> products, List<Policy> policies, List<CustomerAccount> customerAccounts) {
    public static final Catalog EMPTY = new Catalog(List.of(), List.of(), List.of());

    public Catalog {
        products = products == null ? List.of() : List.copyOf(products);
        policies = policies == null ? List.of() : List.copyOf(policies);
        customerAccounts = customerAccounts == null ? List.of() : List.copyOf(customerAccounts);
    }
}
