package dev.licensing.store.jdbc;

import dev.licensing.api.EmailKey;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.User;
import dev.licensing.api.store.KeptIdempotencyKey;
import dev.licensing.api.store.LicenseEvent;
import dev.licensing.api.store.LicenseState;
import dev.licensing.api.store.LifecycleState;
import dev.licensing.api.store.StoreReader;
import dev.licensing.api.store.VipReplay;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipSubscription;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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
        if (!storable(orderId)) {
            return Optional.empty();
        }
        return guard(() -> companyId(company).flatMap(companyId -> {
            Optional<Order> header = query(queries.orderById, (rs, ctx) -> order(rs, company), companyId, orderId)
                    .stream().findFirst();
            return header.map(order -> order.withItems(items(companyId, order.id())));
        }));
    }

    private List<OrderItem> items(long companyId, long orderPk) {
        Map<Integer, List<License>> licenses = new HashMap<>();
        query(queries.licensesOfOrder, (rs, ctx) ->
                licenses.computeIfAbsent(rs.getInt(1), item -> new ArrayList<>()).add(license(rs)), companyId, orderPk);
        Object[] itemsOfOrder =
                queries.childTablesCarryCompany ? new Object[] {companyId, orderPk} : new Object[] {orderPk};
        return query(queries.itemsOfOrder, (rs, ctx) -> new OrderItem(rs.getLong(1), rs.getLong(2), rs.getString(3),
                getLong(rs, 4), licenses.get(rs.getInt(5))), itemsOfOrder);
    }

    /** The license of a row of {@link ReaderQueries#SELECT_LICENSE}. */
    static License license(ResultSet rs) throws SQLException {
        return new License(rs.getLong(2), rs.getLong(3), rs.getString(4), getInstant(rs, 5), getInstant(rs, 6),
                rs.getString(7), LicenseJson.readUsers(rs.getString(14)), rs.getInt(8) != 0, getLong(rs, 9),
                getLong(rs, 10), rs.getString(11), PropertyColumns.readLicense(rs, 17), rs.getString(12),
                rs.getString(13), LicenseJson.readFeatures(rs.getString(15)),
                LicenseJson.readCustomFields(rs.getString(16)));
    }

    // The lifecycle's reads (LifecycleTables) are plain JDBC over this handle's cached statements: they run on every
    // check and consume, where Jdbi's per-query set-up costs more than the query.

    /** The handle's statement cache: the store gives every handle one ({@link StatementCaches}). */
    protected StatementCache statements() {
        return (StatementCache) handle.getStatementBuilder();
    }

    @Override
    public Optional<License> findLicenseByKey(String company, String key) {
        if (!storable(key)) {
            return Optional.empty();
        }
        return lifecycleRead("finding a license by key", company, Optional.empty(),
                companyId -> queries.lifecycle.licenseByKey(statements(), companyId, key));
    }

    @Override
    public List<License> findUserLicenses(String company, String email, String productCode) {
        if (!storable(email)) {
            return List.of();
        }
        return lifecycleRead("finding a user's licenses", company, List.of(), companyId ->
                queries.lifecycle.userLicenses(statements(), companyId, emailKey(email), productCode));
    }

    @Override
    public LifecycleState lifecycleState(String company, long licenseId) {
        return lifecycleRead("reading the lifecycle of license " + licenseId, company,
                new LifecycleState(LicenseState.initial(licenseId), List.of(), List.of()),
                companyId -> queries.lifecycle.state(statements(), companyId, licenseId));
    }

    @Override
    public Optional<LicenseEvent> findRequest(String company, long licenseId, String requestId) {
        if (!storable(requestId)) {
            return Optional.empty();
        }
        return lifecycleRead("finding a request id", company, Optional.empty(),
                companyId -> queries.lifecycle.request(statements(), companyId, licenseId, requestId));
    }

    @Override
    public List<LicenseEvent> licenseEvents(String company, long licenseId) {
        return lifecycleRead("reading the events of license " + licenseId, company, List.of(),
                companyId -> queries.lifecycle.events(statements(), companyId, licenseId));
    }

    /** A read in plain JDBC of one company's rows. */
    @FunctionalInterface
    interface SqlRead<T> {
        T run(long companyId) throws SQLException;
    }

    /** Runs {@code read} for the company, or answers {@code none} when the company has written nothing. */
    private <T> T lifecycleRead(String action, String company, T none, SqlRead<T> read) {
        return guard(() -> {
            Optional<Long> companyId = companyId(company);
            if (companyId.isEmpty()) {
                return none;
            }
            try {
                return read.run(companyId.get());
            } catch (SQLException e) {
                throw failures.storeFailed(action, e);
            }
        });
    }

    @Override
    public Map<String, Order> findOrderHeaders(String company, Collection<String> orderIds) {
        Map<String, Order> found = new LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return found;
        }
        return guard(() -> {
            companyId(company).ifPresent(companyId -> query(queries.ordersByIds, (rs, ctx) -> order(rs, company),
                    companyId, Json.write(storable(orderIds))).forEach(order -> found.put(order.orderId(), order)));
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
                    found.addAll(query(queries.existingKeys, (rs, ctx) -> rs.getString(1), companyId,
                            Json.write(storable(keys)))));
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
                    companyId, Json.write(storable(emailKeys(emails)))));
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
                    companyId, Json.write(storable(emailKeys(emails)))));
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
                    companyId, Json.write(storable(references))));
            return found;
        });
    }

    @Override
    public Optional<LocalDate> vipCoterm(String company, String customerId) {
        return VipTables.coterm(this, company, customerId);
    }

    @Override
    public Optional<VipOrder> findVipOrder(String company, String orderId) {
        return VipTables.order(this, company, orderId);
    }

    @Override
    public List<VipOrder> vipOrders(String company, String customerId) {
        return VipTables.orders(this, company, customerId);
    }

    @Override
    public Optional<VipSubscription> findVipSubscription(String company, String subscriptionId) {
        return VipTables.subscription(this, company, subscriptionId);
    }

    @Override
    public List<VipSubscription> vipSubscriptions(String company, String customerId) {
        return VipTables.subscriptions(this, company, customerId);
    }

    @Override
    public Optional<VipReplay> findVipReplay(String company, String correlationId) {
        return VipTables.replay(this, company, correlationId);
    }

    @Override
    public Optional<KeptIdempotencyKey> findIdempotencyKey(String company, String key) {
        if (!storable(key)) {
            return Optional.empty();
        }
        return IdempotencyKeys.find(this, company, key);
    }

    /**
     * Emails as the store keys and indexes them (column {@code email_lower}): their {@link EmailKey}, computed here and
     * never in SQL (which cannot), so that every dialect keys emails exactly as the engine does.
     */
    static String emailKey(String email) {
        return email == null ? null : EmailKey.of(email);
    }

    /** Whether {@code value} can be stored at all ({@link SqlDialect#textHoldsNul}); one that cannot is never found. */
    boolean storable(String value) {
        return value == null || queries.textHoldsNul || value.indexOf('\0') < 0;
    }

    private List<String> storable(Collection<String> values) {
        List<String> kept = new ArrayList<>(values.size());
        for (String value : values) {
            if (storable(value)) {
                kept.add(value);
            }
        }
        return kept;
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

    /** The company's catalog with its VIP sections, or empty when none was ever stored for it. */
    public Optional<Catalog> catalog(String company) {
        return guard(() -> companyId(company).flatMap(companyId -> CatalogTables.read(handle, companyId)
                .map(catalog -> VipTables.readCatalog(this, companyId, catalog))));
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
