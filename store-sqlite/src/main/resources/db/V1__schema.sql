-- Schema version 1. Instants are epoch milliseconds; booleans 0/1; enums their wire names; NULL is "not given".
-- Each table names its company by companies.id. Indexes serve the unique rules and what append, key checks, user and
-- customer lookups and findOrder read; nothing else.

CREATE TABLE companies (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    has_catalog INTEGER NOT NULL DEFAULT 0
);

-- One row: the next id reserveIds hands out.
CREATE TABLE id_sequence (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    next_id   INTEGER NOT NULL
);
INSERT INTO id_sequence (singleton, next_id) VALUES (1, 1);

-- No INTEGER PRIMARY KEY: the rowid keeps creation order, which findCustomersByReference needs.
CREATE TABLE customers (
    id                  INTEGER NOT NULL,
    company_id          INTEGER NOT NULL REFERENCES companies (id),
    email               TEXT,
    email_lower         TEXT,
    first_name          TEXT,
    last_name           TEXT,
    company_name        TEXT,
    phone               TEXT,
    address             TEXT,
    reference           TEXT,
    customer_account_id INTEGER
);
CREATE UNIQUE INDEX customers_email ON customers (company_id, email_lower) WHERE email_lower IS NOT NULL;
CREATE INDEX customers_reference ON customers (company_id, reference) WHERE reference IS NOT NULL;

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    company_id    INTEGER NOT NULL REFERENCES companies (id),
    email         TEXT,
    email_lower   TEXT,
    password_hash TEXT
);
CREATE UNIQUE INDEX users_email ON users (company_id, email_lower) WHERE email_lower IS NOT NULL;

CREATE TABLE orders (
    id                  INTEGER PRIMARY KEY,
    company_id          INTEGER NOT NULL REFERENCES companies (id),
    order_id            TEXT    NOT NULL,
    is_bundle           INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    created             TEXT,
    is_test             INTEGER,
    order_type          TEXT,
    language            TEXT,
    campaign_params     TEXT,
    download_id         TEXT,
    prevent_vm          INTEGER,
    metadata            TEXT,
    reference           TEXT,
    customer_id         INTEGER,
    customer_is_manager INTEGER NOT NULL,
    customer_account_id INTEGER
);
CREATE UNIQUE INDEX orders_order_id ON orders (company_id, order_id);

-- Items and licenses are stored in their order's key order (WITHOUT ROWID, keyed by order and positions): findOrder
-- and append read them by that key, so the table is its own index and a write dirties no separate one.
CREATE TABLE order_items (
    order_pk            INTEGER NOT NULL REFERENCES orders (id),
    position            INTEGER NOT NULL,
    id                  INTEGER NOT NULL,
    product_id          INTEGER NOT NULL,
    product_code        TEXT,
    customer_account_id INTEGER,
    PRIMARY KEY (order_pk, position)
) WITHOUT ROWID;

-- company_id repeats the order's so that the key rule is one index. A license's users, features and custom fields are
-- JSON arrays of arrays in its row (LicenseJson), NULL for none: they are only ever read with their license.
CREATE TABLE licenses (
    order_pk          INTEGER NOT NULL,
    item_position     INTEGER NOT NULL,
    position          INTEGER NOT NULL,
    id                INTEGER NOT NULL,
    company_id        INTEGER NOT NULL,
    product_id        INTEGER NOT NULL,
    product_code      TEXT,
    created_at        INTEGER,
    updated_at        INTEGER,
    license_key       TEXT,
    is_bundle         INTEGER NOT NULL,
    bundle_license_id INTEGER,
    policy_id         INTEGER,
    policy_code       TEXT,
    note              TEXT,
    metadata          TEXT,
    active INTEGER, enabled INTEGER, license_type TEXT, max_activations INTEGER,
    allow_unlimited_activations INTEGER, valid_duration TEXT, validity_period TEXT, start_date TEXT,
    floating_timeout INTEGER, max_transfers INTEGER, can_borrow INTEGER, max_borrow_time INTEGER,
    is_air_gapped INTEGER, subscription_id TEXT, enable_maintenance_period INTEGER, maintenance_duration TEXT,
    maintenance_period TEXT, is_floating_cloud INTEGER, is_floating INTEGER, floating_users INTEGER,
    is_local_license INTEGER, floating_server_id INTEGER, is_trial INTEGER, trial_days INTEGER,
    prevent_vm INTEGER, is_hardware_key_auth INTEGER, allow_grace_period INTEGER, grace_period INTEGER,
    max_consumptions INTEGER, allow_overages INTEGER, max_overages INTEGER, reset_consumption INTEGER,
    consumption_period TEXT, allow_negative_consumptions INTEGER, allow_unlimited_consumptions INTEGER,
    max_license_users INTEGER,
    users_json         TEXT,
    features_json      TEXT,
    custom_fields_json TEXT,
    PRIMARY KEY (order_pk, item_position, position),
    FOREIGN KEY (order_pk, item_position) REFERENCES order_items (order_pk, position)
) WITHOUT ROWID;
CREATE UNIQUE INDEX licenses_key ON licenses (company_id, license_key) WHERE license_key IS NOT NULL;

-- The catalog, replaced whole. List-valued fields are JSON text.
CREATE TABLE products (
    company_id           INTEGER NOT NULL REFERENCES companies (id),
    position             INTEGER NOT NULL,
    id                   INTEGER NOT NULL,
    code                 TEXT,
    name                 TEXT,
    authorization_method TEXT,
    default_policy       TEXT,
    active INTEGER, enabled INTEGER, license_type TEXT, max_activations INTEGER,
    allow_unlimited_activations INTEGER, valid_duration TEXT, validity_period TEXT, start_date TEXT,
    floating_timeout INTEGER, max_transfers INTEGER, can_borrow INTEGER, max_borrow_time INTEGER,
    is_air_gapped INTEGER, subscription_id TEXT, enable_maintenance_period INTEGER, maintenance_duration TEXT,
    maintenance_period TEXT, is_floating_cloud INTEGER, is_floating INTEGER, floating_users INTEGER,
    is_local_license INTEGER, floating_server_id INTEGER, is_trial INTEGER, trial_days INTEGER,
    prevent_vm INTEGER, is_hardware_key_auth INTEGER, allow_grace_period INTEGER, grace_period INTEGER,
    max_consumptions INTEGER, allow_overages INTEGER, max_overages INTEGER, reset_consumption INTEGER,
    consumption_period TEXT, allow_negative_consumptions INTEGER, allow_unlimited_consumptions INTEGER,
    max_license_users INTEGER,
    features             TEXT NOT NULL,
    custom_fields        TEXT NOT NULL,
    bundle_products      TEXT NOT NULL,
    PRIMARY KEY (company_id, position)
) WITHOUT ROWID;

CREATE TABLE policies (
    company_id       INTEGER NOT NULL REFERENCES companies (id),
    position         INTEGER NOT NULL,
    id               INTEGER NOT NULL,
    product_code     TEXT,
    code             TEXT,
    name             TEXT,
    active INTEGER, enabled INTEGER, license_type TEXT, max_activations INTEGER,
    allow_unlimited_activations INTEGER, valid_duration TEXT, validity_period TEXT, start_date TEXT,
    floating_timeout INTEGER, max_transfers INTEGER, can_borrow INTEGER, max_borrow_time INTEGER,
    is_air_gapped INTEGER, subscription_id TEXT, enable_maintenance_period INTEGER, maintenance_duration TEXT,
    maintenance_period TEXT, is_floating_cloud INTEGER, is_floating INTEGER, floating_users INTEGER,
    is_local_license INTEGER, floating_server_id INTEGER, is_trial INTEGER, trial_days INTEGER,
    prevent_vm INTEGER, is_hardware_key_auth INTEGER, allow_grace_period INTEGER, grace_period INTEGER,
    max_consumptions INTEGER, allow_overages INTEGER, max_overages INTEGER, reset_consumption INTEGER,
    consumption_period TEXT, allow_negative_consumptions INTEGER, allow_unlimited_consumptions INTEGER,
    max_license_users INTEGER,
    metadata         TEXT,
    product_features TEXT,
    custom_fields    TEXT NOT NULL,
    PRIMARY KEY (company_id, position)
) WITHOUT ROWID;

CREATE TABLE customer_accounts (
    company_id INTEGER NOT NULL REFERENCES companies (id),
    position   INTEGER NOT NULL,
    id         INTEGER NOT NULL,
    name       TEXT,
    PRIMARY KEY (company_id, position)
) WITHOUT ROWID;
