package dev.licensing.core.internal.catalog;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.CustomerAccount;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.catalog.ProductCustomField;
import dev.licensing.api.catalog.ProductFeature;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated catalog indexed for planning: products by code, policies by (product, code) and by id, features by code
 * and custom fields by name per product, customer accounts by id. Immutable, shared between threads through the cache.
 */
public final class CatalogIndex {
    private final Catalog catalog;
    private final Map<String, Product> products = new HashMap<>();
    private final Map<String, Map<String, Policy>> policiesByProduct = new HashMap<>();
    private final Map<Long, Policy> policiesById = new HashMap<>();
    private final Map<String, Map<String, ProductFeature>> features = new HashMap<>();
    private final Map<String, Map<String, ProductCustomField>> customFields = new HashMap<>();
    private final Set<Long> customerAccounts = new HashSet<>();

    private CatalogIndex(Catalog catalog) {
        this.catalog = catalog;
        for (Product product : catalog.products()) {
            products.put(product.code(), product);
            Map<String, ProductFeature> byCode = new HashMap<>();
            product.features().forEach(f -> byCode.put(f.code(), f));
            features.put(product.code(), byCode);
            Map<String, ProductCustomField> byName = new HashMap<>();
            product.customFields().forEach(f -> byName.put(f.name(), f));
            customFields.put(product.code(), byName);
        }
        for (Policy policy : catalog.policies()) {
            policiesByProduct.computeIfAbsent(policy.productCode(), code -> new HashMap<>()).put(policy.code(), policy);
            policiesById.put(policy.id(), policy);
        }
        for (CustomerAccount account : catalog.customerAccounts()) {
            customerAccounts.add(account.id());
        }
    }

    /** Indexes {@code catalog}, which must have passed {@link CatalogValidator}. */
    public static CatalogIndex of(Catalog catalog) {
        return new CatalogIndex(catalog);
    }

    public Catalog catalog() {
        return catalog;
    }

    public Optional<Product> product(String code) {
        return Optional.ofNullable(products.get(code));
    }

    public Optional<Policy> policy(String productCode, String code) {
        return Optional.ofNullable(policiesByProduct.getOrDefault(productCode, Map.of()).get(code));
    }

    /** The policy with that id, when it belongs to {@code productCode}. */
    public Optional<Policy> policyById(String productCode, long id) {
        return Optional.ofNullable(policiesById.get(id)).filter(p -> p.productCode().equals(productCode));
    }

    public Optional<ProductFeature> feature(String productCode, String featureCode) {
        return Optional.ofNullable(features.getOrDefault(productCode, Map.of()).get(featureCode));
    }

    public Optional<ProductCustomField> customField(String productCode, String name) {
        return Optional.ofNullable(customFields.getOrDefault(productCode, Map.of()).get(name));
    }

    public boolean hasCustomerAccount(long id) {
        return customerAccounts.contains(id);
    }
}
