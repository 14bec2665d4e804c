-- Schema version 2: the VIP Marketplace dialect (store-sqlite's version 2 in PostgreSQL's types). Records are JSON text
-- (body), with the columns that identify and order them beside it; position keeps the order of first writes (an upsert
-- keeps it). Every key starts with company_id.

CREATE TABLE vip_catalog (
    company_id     BIGINT PRIMARY KEY REFERENCES companies (id),
    vip_customers  TEXT   NOT NULL,
    offers         TEXT   NOT NULL,
    flex_discounts TEXT   NOT NULL
);

CREATE TABLE vip_coterms (
    company_id  BIGINT NOT NULL REFERENCES companies (id),
    customer_id TEXT   NOT NULL,
    coterm_date TEXT   NOT NULL,
    PRIMARY KEY (company_id, customer_id)
);

CREATE TABLE vip_orders (
    company_id  BIGINT NOT NULL REFERENCES companies (id),
    order_id    TEXT   NOT NULL,
    customer_id TEXT   NOT NULL,
    position    BIGINT NOT NULL,
    body        TEXT   NOT NULL,
    PRIMARY KEY (company_id, order_id)
);
CREATE INDEX vip_orders_customer ON vip_orders (company_id, customer_id, position);

CREATE TABLE vip_subscriptions (
    company_id      BIGINT NOT NULL REFERENCES companies (id),
    subscription_id TEXT   NOT NULL,
    customer_id     TEXT   NOT NULL,
    position        BIGINT NOT NULL,
    body            TEXT   NOT NULL,
    PRIMARY KEY (company_id, subscription_id)
);
CREATE INDEX vip_subscriptions_customer ON vip_subscriptions (company_id, customer_id, position);

CREATE TABLE vip_replays (
    company_id     BIGINT NOT NULL REFERENCES companies (id),
    correlation_id TEXT   NOT NULL,
    body           TEXT   NOT NULL,
    PRIMARY KEY (company_id, correlation_id)
);
