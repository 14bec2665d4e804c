-- Schema version 2: the VIP Marketplace dialect. Records are JSON text (body), with the columns that identify and
-- order them beside it; position keeps the order of first writes (an upsert keeps it). Portable SQL.

CREATE TABLE vip_catalog (
    company_id     INTEGER PRIMARY KEY REFERENCES companies (id),
    vip_customers  TEXT    NOT NULL,
    offers         TEXT    NOT NULL,
    flex_discounts TEXT    NOT NULL
);

CREATE TABLE vip_coterms (
    company_id  INTEGER NOT NULL REFERENCES companies (id),
    customer_id TEXT    NOT NULL,
    coterm_date TEXT    NOT NULL,
    PRIMARY KEY (company_id, customer_id)
);

CREATE TABLE vip_orders (
    company_id  INTEGER NOT NULL REFERENCES companies (id),
    order_id    TEXT    NOT NULL,
    customer_id TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    body        TEXT    NOT NULL,
    PRIMARY KEY (company_id, order_id)
);
CREATE INDEX vip_orders_customer ON vip_orders (company_id, customer_id, position);

CREATE TABLE vip_subscriptions (
    company_id      INTEGER NOT NULL REFERENCES companies (id),
    subscription_id TEXT    NOT NULL,
    customer_id     TEXT    NOT NULL,
    position        INTEGER NOT NULL,
    body            TEXT    NOT NULL,
    PRIMARY KEY (company_id, subscription_id)
);
CREATE INDEX vip_subscriptions_customer ON vip_subscriptions (company_id, customer_id, position);

CREATE TABLE vip_replays (
    company_id     INTEGER NOT NULL REFERENCES companies (id),
    correlation_id TEXT    NOT NULL,
    body           TEXT    NOT NULL,
    PRIMARY KEY (company_id, correlation_id)
);
