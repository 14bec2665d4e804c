package dev.licensing.store.jdbc;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.User;
import dev.licensing.api.store.StoreReader;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static dev.licensing.store.jdbc.Values.getBool;
import static dev.licensing.store.jdbc.Values.getInstant;
import static dev.licensing.store.jdbc.Values.getLong;

/**
 * The store's reads over one Jdbi handle: a read transaction of a pooled connection, or a write transaction (which then
 * sees its own writes). Each batch lookup is one query whatever the batch size: the values travel as one JSON array
 * parameter ({@link SqlDialect#inTextArray}).
 */
public class JdbcReader implements StoreReader {
    protected final Handle handle;
    protected final Companies companies;
    protected final StoreFailures failures;
    protected final ReaderQueries queries;

    public JdbcReader(Handle handle, Companies companies, StoreFailures failures, ReaderQueries queries) {
        this.handle = handle;
        this.companies = companies;
        this.failures = failures;
        this.queries = queries;
    }

    /** The company's id as this reader sees it, or empty when the company has written nothing. */
    protected Optional<Long> companyId(String company) {
        return companies.find(handle, company);
    }

    @Override
    public Optional<Order> findOrder(String company, String orderId) {
        return guard(() -> companyId(company).flatMap(companyId -> {
            Optional<Order> header = query(queries.orderById, (rs, ctx) -> order(rs, company), companyId, orderId)
                    .stream().findFirst();
            return header.map(order -> order.withItems(items(companyId, order.id())));
        }));
    }

    private List<OrderItem> items(long companyId, long orderPk) {
        Map<Integer, List<License>> licenses = new HashMap<>();
        query(queries.licensesOfOrder, (rs, ctx) -> {
            long id = rs.getLong(2);
            License license = new License(id, rs.getLong(3), rs.getString(4), getInstant(rs, 5), getInstant(rs, 6),
                    rs.getString(7), LicenseJson.readUsers(rs.getString(14)), rs.getInt(8) != 0, getLong(rs, 9),
                    getLong(rs, 10), rs.getString(11), PropertyColumns.readLicense(rs, 17), rs.getString(12),
                    rs.getString(13), LicenseJson.readFeatures(rs.getString(15)),
                    LicenseJson.readCustomFields(rs.getString(16)));
            return licenses.computeIfAbsent(rs.getInt(1), item -> new ArrayList<>()).add(license);
        }, companyId, orderPk);
        Object[] itemsOfOrder = queries.itemsCarryCompany ? new Object[] {companyId, orderPk} : new Object[] {orderPk};
        return query(queries.itemsOfOrder, (rs, ctx) -> new OrderItem(rs.getLong(1), rs.getLong(2), rs.getString(3),
                getLong(rs, 4), licenses.get(rs.getInt(5))), itemsOfOrder);
    }

    @Override
    public Map<String, Order> findOrderHeaders(String company, Collection<String> orderIds) {
        Map<String, Order> found = new LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return found;
        }
        return guard(() -> {
            companyId(company).ifPresent(companyId -> query(queries.ordersByIds, (rs, ctx) -> order(rs, company),
                    companyId, Json.write(orderIds)).forEach(order -> found.put(order.orderId(), order)));
            return found;
        });
    }

    @Override
    public Set<String> existingKeys(String company, Collection<String> keys) {
        Set<String> found = new LinkedHashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        return guard(() -> {
            companyId(company).ifPresent(companyId ->
                    found.addAll(query(queries.existingKeys, (rs, ctx) -> rs.getString(1), companyId, Json.write(keys))));
            return found;
        });
    }

    @Override
    public Map<String, User> findUsers(String company, Collection<String> emails) {
        Map<String, User> found = new LinkedHashMap<>();
        if (emails.isEmpty()) {
            return found;
        }
        return guard(() -> {
            companyId(company).ifPresent(companyId -> query(queries.usersByEmail,
                    (rs, ctx) -> found.put(rs.getString(4), new User(rs.getLong(1), rs.getString(2), rs.getString(3))),
                    companyId, Json.write(emailKeys(emails))));
            return found;
        });
    }

    @Override
    public Map<String, Customer> findCustomersByEmail(String company, Collection<String> emails) {
        Map<String, Customer> found = new LinkedHashMap<>();
        if (emails.isEmpty()) {
            return found;
        }
        return guard(() -> {
            companyId(company).ifPresent(companyId -> query(queries.customersByEmail,
                    (rs, ctx) -> found.put(rs.getString(10), customer(rs)),
                    companyId, Json.write(emailKeys(emails))));
            return found;
        });
    }

    @Override
    public Map<String, Customer> findCustomersByReference(String company, Collection<String> references) {
        Map<String, Customer> found = new LinkedHashMap<>();
        if (references.isEmpty()) {
            return found;
        }
        return guard(() -> {
            // Rows come in creation order: the first one per reference wins.
            companyId(company).ifPresent(companyId -> query(queries.customersByReference,
                    (rs, ctx) -> found.putIfAbsent(rs.getString(8), customer(rs)),
                    companyId, Json.write(references)));
            return found;
        });
    }

    /**
     * Emails as the store keys and indexes them (column {@code email_lower}): computed here, through the one home
     * {@link StoreReader#emailKey}, never in SQL, so that every dialect keys emails exactly as the engine does.
     */
    static String emailKey(String email) {
        return email == null ? null : StoreReader.emailKey(email);
    }

    private static List<String> emailKeys(Collection<String> emails) {
        List<String> keys = new ArrayList<>(emails.size());
        for (String email : emails) {
            keys.add(emailKey(email));
        }
        return keys;
    }

    static Order order(ResultSet rs, String company) throws SQLException {
        return new Order(rs.getLong(1), company, rs.getString(2), rs.getInt(3) != 0, getInstant(rs, 4),
                rs.getString(5), getBool(rs, 6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                getBool(rs, 11), rs.getString(12), rs.getString(13), getLong(rs, 14), rs.getInt(15) != 0,
                getLong(rs, 16), List.of());
    }

    private static Customer customer(ResultSet rs) throws SQLException {
        return new Customer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), getLong(rs, 9));
    }

    /** The company's catalog, or empty when none was ever stored for it. */
    public Optional<Catalog> catalog(String company) {
        return guard(() -> companyId(company).flatMap(companyId -> CatalogTables.read(handle, companyId)));
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... arguments) {
        Query query = handle.createQuery(sql);
        for (int i = 0; i < arguments.length; i++) {
            query.bind(i, arguments[i]);
        }
        return query.map(mapper).list();
    }

    /** Runs a read, turning the driver's failures into the store's. */
    protected <T> T guard(Supplier<T> read) {
        try {
            return read.get();
        } catch (JdbiException e) {
            throw failures.storeFailed("a read", e);
        }
    }
}
