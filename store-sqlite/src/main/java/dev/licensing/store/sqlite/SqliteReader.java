package dev.licensing.store.sqlite;

import dev.licensing.api.EmailKey;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.User;
import dev.licensing.api.store.KeptIdempotencyKey;
import dev.licensing.api.store.LicenseEvent;
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

import static dev.licensing.store.sqlite.Values.getBool;
import static dev.licensing.store.sqlite.Values.getInstant;
import static dev.licensing.store.sqlite.Values.getLong;

/**
 * The store's reads over one Jdbi handle: a pooled read-only connection inside a read transaction, or the writer
 * connection inside a write transaction (which then sees its own writes). Each batch lookup is one query whatever the
 * batch size: the values travel as one JSON array parameter.
 */
class SqliteReader implements StoreReader {
    static final String ORDER_COLUMNS = "id, order_id, is_bundle, created_at, created, is_test, order_type, language, "
            + "campaign_params, download_id, prevent_vm, metadata, reference, customer_id, customer_is_manager, "
            + "customer_account_id";
    private static final String CUSTOMER_COLUMNS =
            "id, email, first_name, last_name, company_name, phone, address, reference, customer_account_id";
    private static final String IN_JSON = " IN (SELECT value FROM json_each(?))";

    static final String ORDER_BY_ID =
            "SELECT " + ORDER_COLUMNS + " FROM orders WHERE company_id = ? AND order_id = ?";
    static final String ORDERS_BY_IDS =
            "SELECT " + ORDER_COLUMNS + " FROM orders WHERE company_id = ? AND order_id" + IN_JSON;
    static final String ITEMS_OF_ORDER = "SELECT id, product_id, product_code, customer_account_id, position "
            + "FROM order_items WHERE order_pk = ? ORDER BY position";
    /** A license row as {@link #license} reads it (column 1, the item position, is the caller's). */
    static final String SELECT_LICENSE = "SELECT l.item_position, l.id, l.product_id, l.product_code, "
            + "l.created_at, l.updated_at, l.license_key, l.is_bundle, l.bundle_license_id, l.policy_id, "
            + "l.policy_code, l.note, l.metadata, l.users_json, l.features_json, l.custom_fields_json, "
            + PropertyColumns.select("l", PropertyColumns.LICENSE) + " FROM licenses l";
    static final String LICENSES_OF_ORDER =
            SELECT_LICENSE + " WHERE l.order_pk = ? ORDER BY l.item_position, l.position";
    static final String EXISTING_KEYS =
            "SELECT license_key FROM licenses WHERE company_id = ? AND license_key" + IN_JSON;
    static final String USERS_BY_EMAIL =
            "SELECT id, email, password_hash, email_lower FROM users WHERE company_id = ? AND email_lower" + IN_JSON;
    static final String CUSTOMERS_BY_EMAIL = "SELECT " + CUSTOMER_COLUMNS
            + ", email_lower FROM customers WHERE company_id = ? AND email_lower" + IN_JSON;
    static final String CUSTOMERS_BY_REFERENCE = "SELECT " + CUSTOMER_COLUMNS
            + " FROM customers WHERE company_id = ? AND reference" + IN_JSON + " ORDER BY rowid";

    final Handle handle;
    final Companies companies;
    final Failures failures;

    SqliteReader(Handle handle, Companies companies, Failures failures) {
        this.handle = handle;
        this.companies = companies;
        this.failures = failures;
    }

    /** The company's id as this reader sees it, or empty when the company has written nothing. */
    Optional<Long> companyId(String company) {
        return companies.find(handle, company);
    }

    @Override
    public Optional<Order> findOrder(String company, String orderId) {
        return guard(() -> companyId(company).flatMap(companyId -> {
            Optional<Order> header = query(ORDER_BY_ID, (rs, ctx) -> order(rs, company), companyId, orderId)
                    .stream().findFirst();
            return header.map(order -> order.withItems(items(order.id())));
        }));
    }

    private List<OrderItem> items(long orderPk) {
        Map<Integer, List<License>> licenses = new HashMap<>();
        query(LICENSES_OF_ORDER, (rs, ctx) ->
                licenses.computeIfAbsent(rs.getInt(1), item -> new ArrayList<>()).add(license(rs)), orderPk);
        return query(ITEMS_OF_ORDER, (rs, ctx) -> new OrderItem(rs.getLong(1), rs.getLong(2), rs.getString(3),
                getLong(rs, 4), licenses.get(rs.getInt(5))), orderPk);
    }

    /** The license of a row of {@link #SELECT_LICENSE}. */
    static License license(ResultSet rs) throws SQLException {
        return new License(rs.getLong(2), rs.getLong(3), rs.getString(4), getInstant(rs, 5), getInstant(rs, 6),
                rs.getString(7), LicenseJson.readUsers(rs.getString(14)), rs.getInt(8) != 0, getLong(rs, 9),
                getLong(rs, 10), rs.getString(11), PropertyColumns.readLicense(rs, 17), rs.getString(12),
                rs.getString(13), LicenseJson.readFeatures(rs.getString(15)),
                LicenseJson.readCustomFields(rs.getString(16)));
    }

    // The lifecycle's reads live in SqliteLifecycle, on plain JDBC over this handle's cached statements: they run on
    // every check and consume, where Jdbi's per-query set-up costs more than the query.

    /** The handle's statement cache: the store gives every handle one ({@link StatementCaches}). */
    StatementCache statements() {
        return (StatementCache) handle.getStatementBuilder();
    }

    @Override
    public Optional<License> findLicenseByKey(String company, String key) {
        return lifecycleRead("finding a license by key", () -> companyId(company).isEmpty() ? Optional.empty()
                : SqliteLifecycle.licenseByKey(statements(), companyId(company).get(), key));
    }

    @Override
    public List<License> findUserLicenses(String company, String email, String productCode) {
        return lifecycleRead("finding a user's licenses", () -> companyId(company).isEmpty() ? List.of()
                : SqliteLifecycle.userLicenses(statements(), companyId(company).get(), lower(email), productCode));
    }

    @Override
    public LifecycleState lifecycleState(String company, long licenseId) {
        return lifecycleRead("reading the lifecycle of license " + licenseId,
                () -> SqliteLifecycle.state(statements(), licenseId));
    }

    @Override
    public Optional<LicenseEvent> findRequest(String company, long licenseId, String requestId) {
        return lifecycleRead("finding a request id", () -> SqliteLifecycle.request(statements(), licenseId, requestId));
    }

    @Override
    public List<LicenseEvent> licenseEvents(String company, long licenseId) {
        return lifecycleRead("reading the events of license " + licenseId,
                () -> SqliteLifecycle.events(statements(), licenseId));
    }

    /** A read in plain JDBC. */
    @FunctionalInterface
    interface SqlRead<T> {
        T run() throws SQLException;
    }

    private <T> T lifecycleRead(String action, SqlRead<T> read) {
        return guard(() -> {
            try {
                return read.run();
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
            companyId(company).ifPresent(companyId -> query(ORDERS_BY_IDS, (rs, ctx) -> order(rs, company),
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
                    found.addAll(query(EXISTING_KEYS, (rs, ctx) -> rs.getString(1), companyId, Json.write(keys))));
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
            companyId(company).ifPresent(companyId -> query(USERS_BY_EMAIL,
                    (rs, ctx) -> found.put(rs.getString(4), new User(rs.getLong(1), rs.getString(2), rs.getString(3))),
                    companyId, Json.write(lowerCase(emails))));
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
            companyId(company).ifPresent(companyId -> query(CUSTOMERS_BY_EMAIL,
                    (rs, ctx) -> found.put(rs.getString(10), customer(rs)),
                    companyId, Json.write(lowerCase(emails))));
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
            companyId(company).ifPresent(companyId -> query(CUSTOMERS_BY_REFERENCE,
                    (rs, ctx) -> found.putIfAbsent(rs.getString(8), customer(rs)),
                    companyId, Json.write(references)));
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
        return IdempotencyKeys.find(this, company, key);
    }

    /** Emails as the store keys them (the {@code email_lower} columns): their {@link EmailKey}, which SQL cannot compute. */
    static String lower(String email) {
        return email == null ? null : EmailKey.of(email);
    }

    private static List<String> lowerCase(Collection<String> emails) {
        List<String> lower = new ArrayList<>(emails.size());
        for (String email : emails) {
            lower.add(lower(email));
        }
        return lower;
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

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... arguments) {
        Query query = handle.createQuery(sql);
        for (int i = 0; i < arguments.length; i++) {
            query.bind(i, arguments[i]);
        }
        return query.map(mapper).list();
    }

    /** Runs a read, turning the driver's failures into the store's. */
    <T> T guard(Supplier<T> read) {
        try {
            return read.get();
        } catch (JdbiException e) {
            throw failures.storeFailed("a read", e);
        }
    }
}
