package dev.licensing.store.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.CustomerAccount;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.catalog.ProductCustomField;
import dev.licensing.api.catalog.ProductFeature;
import dev.licensing.api.order.CustomFieldRequest;
import dev.licensing.api.order.FeatureRequest;
import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static dev.licensing.store.jdbc.Values.setText;

/** A company's catalog in the products, policies and customer_accounts tables; list-valued fields as JSON text. */
final class CatalogTables {
    private static final TypeReference<List<ProductFeature>> FEATURES = new TypeReference<>() { };
    private static final TypeReference<List<ProductCustomField>> CUSTOM_FIELDS = new TypeReference<>() { };
    private static final TypeReference<List<String>> CODES = new TypeReference<>() { };
    private static final TypeReference<List<FeatureRequest>> FEATURE_REQUESTS = new TypeReference<>() { };
    private static final TypeReference<List<CustomFieldRequest>> CUSTOM_FIELD_REQUESTS = new TypeReference<>() { };

    private static final String PROPERTIES = String.join(", ", PropertyColumns.LICENSE);
    private static final int PROPERTY_COUNT = PropertyColumns.LICENSE.size();

    private static final String HAS_CATALOG = "SELECT has_catalog FROM companies WHERE id = ?";
    private static final String SELECT_PRODUCTS = "SELECT id, code, name, authorization_method, default_policy, "
            + PROPERTIES + ", features, custom_fields, bundle_products FROM products WHERE company_id = ? "
            + "ORDER BY position";
    private static final String SELECT_POLICIES = "SELECT id, product_code, code, name, " + PROPERTIES
            + ", metadata, product_features, custom_fields FROM policies WHERE company_id = ? ORDER BY position";
    private static final String SELECT_ACCOUNTS =
            "SELECT id, name FROM customer_accounts WHERE company_id = ? ORDER BY position";

    private static final List<String> DELETES = List.of("DELETE FROM products WHERE company_id = ?",
            "DELETE FROM policies WHERE company_id = ?", "DELETE FROM customer_accounts WHERE company_id = ?");
    private static final String INSERT_PRODUCT = "INSERT INTO products (company_id, position, id, code, name, "
            + "authorization_method, default_policy, " + PROPERTIES + ", features, custom_fields, bundle_products) "
            + "VALUES (" + placeholders(7 + PROPERTY_COUNT + 3) + ")";
    private static final String INSERT_POLICY = "INSERT INTO policies (company_id, position, id, product_code, code, "
            + "name, " + PROPERTIES + ", metadata, product_features, custom_fields) VALUES ("
            + placeholders(6 + PROPERTY_COUNT + 3) + ")";
    private static final String INSERT_ACCOUNT =
            "INSERT INTO customer_accounts (company_id, position, id, name) VALUES (?, ?, ?, ?)";
    private static final String MARK_CATALOG = "UPDATE companies SET has_catalog = 1 WHERE id = ?";

    private CatalogTables() {
    }

    static Optional<Catalog> read(Handle handle, long companyId) {
        boolean stored = handle.createQuery(HAS_CATALOG).bind(0, companyId).mapTo(Integer.class).one() != 0;
        if (!stored) {
            return Optional.empty();
        }
        int afterProductProperties = 6 + PROPERTY_COUNT;
        List<Product> products = handle.createQuery(SELECT_PRODUCTS).bind(0, companyId).map((rs, ctx) -> new Product(
                rs.getLong(1), rs.getString(2), rs.getString(3), authorizationMethod(rs.getString(4)),
                rs.getString(5), PropertyColumns.readLicense(rs, 6),
                Json.read(rs.getString(afterProductProperties), FEATURES),
                Json.read(rs.getString(afterProductProperties + 1), CUSTOM_FIELDS),
                Json.read(rs.getString(afterProductProperties + 2), CODES))).list();
        int afterPolicyProperties = 5 + PROPERTY_COUNT;
        List<Policy> policies = handle.createQuery(SELECT_POLICIES).bind(0, companyId).map((rs, ctx) -> {
            String features = rs.getString(afterPolicyProperties + 1);
            return new Policy(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    PropertyColumns.readLicense(rs, 5), rs.getString(afterPolicyProperties),
                    features == null ? null : Json.read(features, FEATURE_REQUESTS),
                    Json.read(rs.getString(afterPolicyProperties + 2), CUSTOM_FIELD_REQUESTS));
        }).list();
        List<CustomerAccount> accounts = handle.createQuery(SELECT_ACCOUNTS).bind(0, companyId)
                .map((rs, ctx) -> new CustomerAccount(rs.getLong(1), rs.getString(2))).list();
        return Optional.of(new Catalog(products, policies, accounts));
    }

    /**
     * Marks the company first: where writers run concurrently, that locks its row, so that two replacements of one
     * catalog follow each other instead of mixing their rows.
     */
    static void replace(StatementCache statements, long companyId, Catalog catalog) throws SQLException {
        PreparedStatement mark = statements.prepare(MARK_CATALOG);
        mark.setLong(1, companyId);
        mark.executeUpdate();
        for (String delete : DELETES) {
            PreparedStatement ps = statements.prepare(delete);
            ps.setLong(1, companyId);
            ps.executeUpdate();
        }
        PreparedStatement products = statements.prepare(INSERT_PRODUCT);
        PreparedStatement policies = statements.prepare(INSERT_POLICY);
        PreparedStatement accounts = statements.prepare(INSERT_ACCOUNT);
        try {
            bind(products, policies, accounts, companyId, catalog);
            products.executeBatch();
            policies.executeBatch();
            accounts.executeBatch();
        } finally {
            products.clearBatch();
            policies.clearBatch();
            accounts.clearBatch();
        }
    }

    private static void bind(PreparedStatement products, PreparedStatement policies, PreparedStatement accounts,
                             long companyId, Catalog catalog) throws SQLException {
        for (int position = 0; position < catalog.products().size(); position++) {
            Product product = catalog.products().get(position);
            products.setLong(1, companyId);
            products.setInt(2, position);
            products.setLong(3, product.id());
            setText(products, 4, product.code());
            setText(products, 5, product.name());
            setText(products, 6, product.authorizationMethod() == null ? null : product.authorizationMethod().wire());
            setText(products, 7, product.defaultPolicy());
            int next = PropertyColumns.bind(products, 8, product.defaults());
            products.setString(next, Json.write(product.features()));
            products.setString(next + 1, Json.write(product.customFields()));
            products.setString(next + 2, Json.write(product.bundleProducts()));
            products.addBatch();
        }
        for (int position = 0; position < catalog.policies().size(); position++) {
            Policy policy = catalog.policies().get(position);
            policies.setLong(1, companyId);
            policies.setInt(2, position);
            policies.setLong(3, policy.id());
            setText(policies, 4, policy.productCode());
            setText(policies, 5, policy.code());
            setText(policies, 6, policy.name());
            int next = PropertyColumns.bind(policies, 7, policy.properties());
            setText(policies, next, policy.metadata());
            setText(policies, next + 1, policy.productFeatures() == null ? null : Json.write(policy.productFeatures()));
            policies.setString(next + 2, Json.write(policy.customFields()));
            policies.addBatch();
        }
        for (int position = 0; position < catalog.customerAccounts().size(); position++) {
            CustomerAccount account = catalog.customerAccounts().get(position);
            accounts.setLong(1, companyId);
            accounts.setInt(2, position);
            accounts.setLong(3, account.id());
            setText(accounts, 4, account.name());
            accounts.addBatch();
        }
    }

    private static AuthorizationMethod authorizationMethod(String wire) {
        return wire == null ? null : AuthorizationMethod.fromWire(wire);
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
