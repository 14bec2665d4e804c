-- Schema version 4: idempotency keys (DESIGN §3 "Retried deliveries"; store-sqlite's version 5). One row per company
-- and key: what the first request asked (its fingerprint), the caller's id of the order it wrote, the ids of the items
-- it created (a JSON array) and when, by the engine's clock (epoch milliseconds). An expired row is replaced, never
-- deleted by a request. The primary key makes a racing keeper of the same key wait for the first one's end.

CREATE TABLE idempotency_keys (
    company_id      BIGINT NOT NULL REFERENCES companies (id),
    idempotency_key TEXT   NOT NULL,
    fingerprint     TEXT   NOT NULL,
    order_id        TEXT   NOT NULL,
    item_ids        TEXT   NOT NULL,
    kept_at         BIGINT NOT NULL,
    PRIMARY KEY (company_id, idempotency_key)
);
