package dev.licensing.store.jdbc;

import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.LicenseUser;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.User;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.UniqueViolationException;
import dev.licensing.api.store.UniqueViolationException.Kind;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

import static dev.licensing.store.jdbc.Values.setBool;
import static dev.licensing.store.jdbc.Values.setInstant;
import static dev.licensing.store.jdbc.Values.setLong;
import static dev.licensing.store.jdbc.Values.setText;

/**
 * One {@code write} call: every row of every order goes into one prepared batch per table, executed parent tables
 * first, inside a savepoint. The unique indexes are the only check: when one fails, the savepoint is rolled back and
 * the guilty value is found in the batch and the store as they were before the call, so that the happy path pays no
 * lookups.
 */
final class OrderBatch {
    private static final String SAVEPOINT = "SAVEPOINT order_batch";
    private static final String RELEASE = "RELEASE order_batch";
    private static final String ROLLBACK_TO = "ROLLBACK TO order_batch";

    private static final String CUSTOMERS = insert("customers", List.of("id", "company_id", "email", "email_lower",
            "first_name", "last_name", "company_name", "phone", "address", "reference", "customer_account_id"));
    /**
     * A returning customer's latest details; its email and reference, what it is matched by, stay. The row is the one
     * of the customer's id; the email or reference term only lets SQLite find it through the email or reference index
     * (a returning customer has one of them): SQLite's {@code customers.id} has no index, and {@code WHERE id = ?}
     * alone scanned the whole table for every returning customer, which made a large import quadratic (issue 14).
     * PostgreSQL finds the row by its primary key (company, id) and only checks the term.
     */
    private static final String CUSTOMER_UPDATES = "UPDATE customers SET first_name = ?, last_name = ?, "
            + "company_name = ?, phone = ?, address = ? "
            + "WHERE company_id = ? AND id = ? AND (email_lower = ? OR reference = ?)";
    private static final String USERS =
            insert("users", List.of("id", "company_id", "email", "email_lower", "password_hash"));
    private static final String ORDERS = insert("orders", List.of("id", "company_id", "order_id", "is_bundle",
            "created_at", "created", "is_test", "order_type", "language", "campaign_params", "download_id",
            "prevent_vm", "metadata", "reference", "customer_id", "customer_is_manager", "customer_account_id"));
    private static final List<String> ITEM_COLUMNS =
            List.of("order_pk", "position", "id", "product_id", "product_code", "customer_account_id");
    private static final String LICENSES = insert("licenses", concat(List.of("order_pk", "item_position",
            "position", "id", "company_id", "product_id", "product_code", "created_at", "updated_at", "license_key",
            "is_bundle", "bundle_license_id", "policy_id", "policy_code", "note", "metadata", "users_json",
            "features_json", "custom_fields_json"), PropertyColumns.LICENSE));
    /** Which licenses list which user, where no trigger fills it ({@link SqlDialect#fillsLicenseUsers()}). */
    private static final String LICENSE_USERS = insert("license_users",
            List.of("company_id", "user_id", "order_pk", "item_position", "position"));

    /**
     * Rows per table after which the batches are executed, bounding the driver's parameter arrays for a huge write.
     */
    private static final int FLUSH_ROWS = 1024;
    /**
     * A driver may keep a statement's batch array at its largest size and null all of it on every execute: a
     * statement that ran a large batch is closed rather than kept, or each small write after a bulk one would pay for
     * clearing the bulk one's array (sqlite-jdbc does: PERFORMANCE.md's per-order floor, lost tenfold).
     */
    private static final int REUSE_ROWS = 64;

    private final JdbcTransaction transaction;
    private final StatementCache statements;
    private final SqlDialect dialect;
    private final String items;
    /** Parent tables first, as the foreign keys need. */
    private final List<String> tables;
    private final Map<String, Integer> pending = new HashMap<>();
    private final LicenseJson json = new LicenseJson();

    OrderBatch(JdbcTransaction transaction, StatementCache statements, SqlDialect dialect) {
        this.transaction = transaction;
        this.statements = statements;
        this.dialect = dialect;
        this.items = insert("order_items",
                dialect.childTablesCarryCompany() ? concat(ITEM_COLUMNS, List.of("company_id")) : ITEM_COLUMNS);
        this.tables = List.of(CUSTOMERS, CUSTOMER_UPDATES, USERS, ORDERS, items, LICENSES, LICENSE_USERS);
    }

    void write(List<OrderWrite> writes) throws SQLException {
        Map<String, Long> companyIds = new HashMap<>();
        for (OrderWrite write : writes) {
            String company = write.order().company();
            if (!companyIds.containsKey(company)) {
                companyIds.put(company, transaction.ensureCompany(company));
            }
        }
        Map<Long, Integer> nextPositions = nextPositions(writes, companyIds);
        execute(SAVEPOINT);
        try {
            for (OrderWrite write : writes) {
                bind(write, companyIds.get(write.order().company()), nextPositions);
                if (pending.values().stream().anyMatch(rows -> rows >= FLUSH_ROWS)) {
                    flush();
                }
            }
            flush();
            execute(RELEASE);
        } catch (SQLException | RuntimeException e) {
            for (String table : pending.keySet()) {
                statements.evict(table);
            }
            execute(ROLLBACK_TO);
            execute(RELEASE);
            Kind kind = e instanceof SQLException sql ? dialect.violatedRule(sql) : null;
            if (kind != null) {
                UniqueViolationException violation = findViolation(kind, writes);
                if (violation != null) {
                    violation.addSuppressed(e);
                    throw violation;
                }
            }
            throw e;
        }
    }

    /**
     * Each returning customer's update found its row: the update narrows by the email or reference index as well as by
     * id, and a row that one of them missed would otherwise keep its old details silently.
     */
    private static void requireOneRowEach(int[] counts) {
        for (int count : counts) {
            if (count != 1) {
                throw new IllegalStateException("a returning customer's update changed " + count + " rows, not 1");
            }
        }
    }

    /** Executes every table's pending rows, parent tables first, so that foreign keys hold at each step. */
    private void flush() throws SQLException {
        for (String table : tables) {
            Integer rows = pending.remove(table);
            if (rows != null) {
                int[] counts = statements.prepare(table).executeBatch();
                if (table.equals(CUSTOMER_UPDATES)) {
                    requireOneRowEach(counts);
                }
                if (rows > REUSE_ROWS) {
                    statements.evict(table);
                }
            }
        }
    }

    /** The statement of {@code table}, counting the row about to be added to its batch. */
    private PreparedStatement row(String table) throws SQLException {
        pending.merge(table, 1, Integer::sum);
        return statements.prepare(table);
    }

    /**
     * Where each order's new items start: after its stored items for an append, at 0 for a new order. Where writers run
     * concurrently, the appended orders' rows are locked first (in id order, so that two appenders cannot deadlock):
     * two appends to one order then follow each other, the later one counting the earlier one's items.
     */
    private Map<Long, Integer> nextPositions(List<OrderWrite> writes, Map<String, Long> companyIds)
            throws SQLException {
        Map<Long, Integer> next = new HashMap<>();
        Map<Long, Set<Long>> appended = new TreeMap<>();
        for (OrderWrite write : writes) {
            if (write.append()) {
                appended.computeIfAbsent(companyIds.get(write.order().company()), c -> new TreeSet<>())
                        .add(write.order().id());
            }
        }
        for (Map.Entry<Long, Set<Long>> company : appended.entrySet()) {
            String orders = Json.write(company.getValue());
            if (!dialect.forUpdate().isEmpty()) {
                PreparedStatement lock = statements.prepare("SELECT id FROM orders WHERE company_id = ? AND id"
                        + dialect.inLongArray() + " ORDER BY id" + dialect.forUpdate());
                lock.setLong(1, company.getKey());
                lock.setString(2, orders);
                lock.executeQuery().close();
            }
            PreparedStatement query;
            if (dialect.childTablesCarryCompany()) {
                query = statements.prepare("SELECT order_pk, max(position) + 1 FROM order_items "
                        + "WHERE company_id = ? AND order_pk" + dialect.inLongArray() + " GROUP BY order_pk");
                query.setLong(1, company.getKey());
                query.setString(2, orders);
            } else {
                query = statements.prepare("SELECT order_pk, max(position) + 1 FROM order_items "
                        + "WHERE order_pk" + dialect.inLongArray() + " GROUP BY order_pk");
                query.setString(1, orders);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    next.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return next;
    }

    private void bind(OrderWrite write, long companyId, Map<Long, Integer> nextPositions) throws SQLException {
        Order order = write.order();
        if (write.newCustomer() != null) {
            bindCustomer(write.newCustomer(), companyId);
        }
        if (write.updatedCustomer() != null) {
            Customer customer = write.updatedCustomer();
            PreparedStatement ps = row(CUSTOMER_UPDATES);
            setText(ps, 1, customer.firstName());
            setText(ps, 2, customer.lastName());
            setText(ps, 3, customer.companyName());
            setText(ps, 4, customer.phone());
            setText(ps, 5, customer.address());
            ps.setLong(6, companyId);
            ps.setLong(7, customer.id());
            setText(ps, 8, JdbcReader.emailKey(customer.email()));
            setText(ps, 9, customer.reference());
            ps.addBatch();
        }
        for (User user : write.newUsers()) {
            PreparedStatement ps = row(USERS);
            ps.setLong(1, user.id());
            ps.setLong(2, companyId);
            setText(ps, 3, user.email());
            setText(ps, 4, JdbcReader.emailKey(user.email()));
            setText(ps, 5, user.passwordHash());
            ps.addBatch();
        }
        if (!write.append()) {
            bindOrder(order, companyId);
        }
        int position = nextPositions.getOrDefault(order.id(), 0);
        for (OrderItem item : order.items()) {
            int itemPosition = position++;
            PreparedStatement ps = row(items);
            ps.setLong(1, order.id());
            ps.setInt(2, itemPosition);
            ps.setLong(3, item.id());
            ps.setLong(4, item.productId());
            setText(ps, 5, item.productCode());
            setLong(ps, 6, item.customerAccountId());
            if (dialect.childTablesCarryCompany()) {
                ps.setLong(7, companyId);
            }
            ps.addBatch();
            for (int i = 0; i < item.licenses().size(); i++) {
                bindLicense(item.licenses().get(i), order.id(), itemPosition, i, companyId);
            }
        }
        nextPositions.put(order.id(), position);
    }

    private void bindCustomer(Customer customer, long companyId) throws SQLException {
        PreparedStatement ps = row(CUSTOMERS);
        ps.setLong(1, customer.id());
        ps.setLong(2, companyId);
        setText(ps, 3, customer.email());
        setText(ps, 4, JdbcReader.emailKey(customer.email()));
        setText(ps, 5, customer.firstName());
        setText(ps, 6, customer.lastName());
        setText(ps, 7, customer.companyName());
        setText(ps, 8, customer.phone());
        setText(ps, 9, customer.address());
        setText(ps, 10, customer.reference());
        setLong(ps, 11, customer.customerAccountId());
        ps.addBatch();
    }

    private void bindOrder(Order order, long companyId) throws SQLException {
        PreparedStatement ps = row(ORDERS);
        ps.setLong(1, order.id());
        ps.setLong(2, companyId);
        ps.setString(3, order.orderId());
        setBool(ps, 4, order.bundle());
        setInstant(ps, 5, order.createdAt());
        setText(ps, 6, order.created());
        setBool(ps, 7, order.isTest());
        setText(ps, 8, order.orderType());
        setText(ps, 9, order.language());
        setText(ps, 10, order.campaignParams());
        setText(ps, 11, order.downloadId());
        setBool(ps, 12, order.preventVm());
        setText(ps, 13, order.metadata());
        setText(ps, 14, order.reference());
        setLong(ps, 15, order.customerId());
        setBool(ps, 16, order.customerIsManager());
        setLong(ps, 17, order.customerAccountId());
        ps.addBatch();
    }

    private void bindLicense(License license, long orderPk, int itemPosition, int position, long companyId)
            throws SQLException {
        PreparedStatement ps = row(LICENSES);
        ps.setLong(1, orderPk);
        ps.setInt(2, itemPosition);
        ps.setInt(3, position);
        ps.setLong(4, license.id());
        ps.setLong(5, companyId);
        ps.setLong(6, license.productId());
        setText(ps, 7, license.productCode());
        setInstant(ps, 8, license.createdAt());
        setInstant(ps, 9, license.updatedAt());
        setText(ps, 10, license.key());
        setBool(ps, 11, license.bundle());
        setLong(ps, 12, license.bundleLicenseId());
        setLong(ps, 13, license.policyId());
        setText(ps, 14, license.policyCode());
        setText(ps, 15, license.note());
        setText(ps, 16, license.metadata());
        setText(ps, 17, json.users(license.users()));
        setText(ps, 18, json.features(license.features()));
        setText(ps, 19, json.customFields(license.customFields()));
        PropertyColumns.bind(ps, 20, license.properties());
        ps.addBatch();
        if (!dialect.fillsLicenseUsers()) {
            for (LicenseUser user : license.users()) {
                PreparedStatement row = row(LICENSE_USERS);
                row.setLong(1, companyId);
                row.setLong(2, user.userId());
                row.setLong(3, orderPk);
                row.setInt(4, itemPosition);
                row.setInt(5, position);
                row.addBatch();
            }
        }
    }

    /** A value of one company, as the write gave it and as the rule compares it. */
    private record Candidate(String company, String given, String compared) {
    }

    /**
     * The first value, in write order, that the batch gives twice or that the store held before the call (the
     * savepoint is rolled back, so the store is as it was).
     */
    private UniqueViolationException findViolation(Kind kind, List<OrderWrite> writes) {
        List<Candidate> candidates = candidates(kind, writes);
        Map<String, List<String>> byCompany = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            byCompany.computeIfAbsent(candidate.company(), c -> new ArrayList<>()).add(candidate.given());
        }
        BiFunction<String, List<String>, Set<String>> stored = switch (kind) {
            case ORDER_ID -> (company, ids) -> transaction.findOrderHeaders(company, ids).keySet();
            case LICENSE_KEY -> transaction::existingKeys;
            case USER_EMAIL -> (company, emails) -> transaction.findUsers(company, emails).keySet();
            case CUSTOMER_EMAIL -> (company, emails) -> transaction.findCustomersByEmail(company, emails).keySet();
        };
        Map<String, Set<String>> taken = new HashMap<>();
        byCompany.forEach((company, values) -> taken.put(company, new HashSet<>(stored.apply(company, values))));
        for (Candidate candidate : candidates) {
            if (!taken.get(candidate.company()).add(candidate.compared())) {
                return new UniqueViolationException(kind, candidate.company(), candidate.given());
            }
        }
        return null;
    }

    private static List<Candidate> candidates(Kind kind, List<OrderWrite> writes) {
        List<Candidate> candidates = new ArrayList<>();
        for (OrderWrite write : writes) {
            String company = write.order().company();
            switch (kind) {
                case ORDER_ID -> {
                    if (!write.append()) {
                        candidates.add(new Candidate(company, write.order().orderId(), write.order().orderId()));
                    }
                }
                case LICENSE_KEY -> write.order().items().forEach(item -> item.licenses().stream()
                        .filter(license -> license.key() != null)
                        .forEach(license -> candidates.add(new Candidate(company, license.key(), license.key()))));
                case USER_EMAIL -> write.newUsers().stream().filter(user -> user.email() != null).forEach(user ->
                        candidates.add(new Candidate(company, user.email(), JdbcReader.emailKey(user.email()))));
                case CUSTOMER_EMAIL -> {
                    Customer customer = write.newCustomer();
                    if (customer != null && customer.email() != null) {
                        candidates.add(new Candidate(company, customer.email(), JdbcReader.emailKey(customer.email())));
                    }
                }
            }
        }
        return candidates;
    }

    private void execute(String sql) throws SQLException {
        statements.prepare(sql).execute();
    }

    private static String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
