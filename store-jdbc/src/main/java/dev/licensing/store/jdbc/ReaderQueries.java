package dev.licensing.store.jdbc;

/**
 * The SQL of {@link JdbcReader}'s lookups in one dialect. Fields, not methods, so that a dialect's tests can ask its
 * database how it runs each one (SQLite's {@code QueryPlanTest}).
 */
public final class ReaderQueries {
    static final String ORDER_COLUMNS = "id, order_id, is_bundle, created_at, created, is_test, order_type, language, "
            + "campaign_params, download_id, prevent_vm, metadata, reference, customer_id, customer_is_manager, "
            + "customer_account_id";
    /** A license row as {@link JdbcReader#license} reads it (column 1, the item position, is the caller's). */
    static final String SELECT_LICENSE = "SELECT l.item_position, l.id, l.product_id, l.product_code, "
            + "l.created_at, l.updated_at, l.license_key, l.is_bundle, l.bundle_license_id, l.policy_id, "
            + "l.policy_code, l.note, l.metadata, l.users_json, l.features_json, l.custom_fields_json, "
            + PropertyColumns.select("l", PropertyColumns.LICENSE) + " FROM licenses l";
    private static final String CUSTOMER_COLUMNS =
            "id, email, first_name, last_name, company_name, phone, address, reference, customer_account_id";

    public final String orderById;
    public final String ordersByIds;
    public final String itemsOfOrder;
    public final String licensesOfOrder;
    public final String existingKeys;
    public final String usersByEmail;
    public final String customersByEmail;
    public final String customersByReference;
    /** The lifecycle's statements in the same dialect. */
    public final LifecycleTables lifecycle;
    final boolean childTablesCarryCompany;
    final boolean textHoldsNul;

    public ReaderQueries(SqlDialect dialect) {
        String in = dialect.inTextArray();
        childTablesCarryCompany = dialect.childTablesCarryCompany();
        textHoldsNul = dialect.textHoldsNul();
        orderById = "SELECT " + ORDER_COLUMNS + " FROM orders WHERE company_id = ? AND order_id = ?";
        ordersByIds = "SELECT " + ORDER_COLUMNS + " FROM orders WHERE company_id = ? AND order_id" + in;
        itemsOfOrder = "SELECT id, product_id, product_code, customer_account_id, position FROM order_items WHERE "
                + (dialect.childTablesCarryCompany() ? "company_id = ? AND " : "") + "order_pk = ? ORDER BY position";
        licensesOfOrder =
                SELECT_LICENSE + " WHERE l.company_id = ? AND l.order_pk = ? ORDER BY l.item_position, l.position";
        existingKeys = "SELECT license_key FROM licenses WHERE company_id = ? AND license_key" + in;
        usersByEmail = "SELECT id, email, password_hash, email_lower FROM users WHERE company_id = ? AND email_lower"
                + in;
        customersByEmail = "SELECT " + CUSTOMER_COLUMNS
                + ", email_lower FROM customers WHERE company_id = ? AND email_lower" + in;
        customersByReference = "SELECT " + CUSTOMER_COLUMNS
                + " FROM customers WHERE company_id = ? AND reference" + in + " ORDER BY " + dialect.creationOrder();
        lifecycle = new LifecycleTables(dialect);
    }
}
