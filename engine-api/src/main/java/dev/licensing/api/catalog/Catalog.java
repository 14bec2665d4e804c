package dev.licensing.api.catalog;

import java.util.List;

/**
 * A company's catalog: the products it sells, their license policies, its customer accounts and, for the VIP Marketplace
 * dialect, its VIP customers, offers and flexible discounts. LicenseSpring keeps
 * these in its web console; the engine takes them as a value (from the catalog file or the Java API) and the store keeps
 * them per company.
 */
public record Catalog(List<Product> products, List<Policy> policies, List<CustomerAccount> customerAccounts,
                      List<VipCustomer> vipCustomers, List<Offer> offers, List<FlexDiscount> flexDiscounts) {
    public static final Catalog EMPTY = new Catalog(List.of(), List.of(), List.of());

    public Catalog {
        products = products == null ? List.of() : List.copyOf(products);
        policies = policies == null ? List.of() : List.copyOf(policies);
        customerAccounts = customerAccounts == null ? List.of() : List.copyOf(customerAccounts);
        vipCustomers = vipCustomers == null ? List.of() : List.copyOf(vipCustomers);
        offers = offers == null ? List.of() : List.copyOf(offers);
        flexDiscounts = flexDiscounts == null ? List.of() : List.copyOf(flexDiscounts);
    }

    /** A catalog of the LicenseSpring dialect only. */
    public Catalog(List<Product> products, List<Policy> policies, List<CustomerAccount> customerAccounts) {
        this(products, policies, customerAccounts, List.of(), List.of(), List.of());
    }

    /** This catalog with the VIP Marketplace sections replaced. */
    public Catalog withVip(List<VipCustomer> customers, List<Offer> vipOffers, List<FlexDiscount> discounts) {
        return new Catalog(products, policies, customerAccounts, customers, vipOffers, discounts);
    }
}
