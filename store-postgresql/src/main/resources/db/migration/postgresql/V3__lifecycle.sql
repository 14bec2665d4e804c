-- Schema version 3: the license lifecycle (design/lifecycle.md "Store"; store-sqlite's version 4 in PostgreSQL's
-- types). Rows name their license by its engine id, and, as every table of company data here, carry company_id first
-- in every key (store-jdbc's LifecycleTables names it in each statement). Instants are epoch milliseconds.

-- What the lifecycle keeps of a license beside its properties. Its row is also the license's lock (lockLicense:
-- SELECT ... FOR UPDATE), inserted in its initial state when a lifecycle operation first locks the license.
CREATE TABLE license_state (
    company_id                   BIGINT   NOT NULL REFERENCES companies (id),
    license_id                   BIGINT   NOT NULL,
    first_activated_at           BIGINT,
    validity_end                 BIGINT,
    maintenance_end              BIGINT,
    active                       SMALLINT NOT NULL,
    transfer_count               INTEGER  NOT NULL,
    last_activation_event        BIGINT   NOT NULL,
    last_deactivation_event      BIGINT   NOT NULL,
    last_deactivated_hardware_id TEXT,
    PRIMARY KEY (company_id, license_id)
);

-- Every activation a license had; the active ones have no deactivated_at, at most one per license and device.
CREATE TABLE activations (
    company_id     BIGINT   NOT NULL REFERENCES companies (id),
    id             BIGINT   NOT NULL,
    license_id     BIGINT   NOT NULL,
    hardware_id    TEXT     NOT NULL,
    user_id        BIGINT,
    activated_at   BIGINT   NOT NULL,
    deactivated_at BIGINT,
    vm             SMALLINT NOT NULL,
    seat_until     BIGINT,
    borrowed_until BIGINT,
    PRIMARY KEY (company_id, id)
);
CREATE UNIQUE INDEX activations_active ON activations (company_id, license_id, hardware_id)
    WHERE deactivated_at IS NULL;

-- The total of the current (or last used) period of the license ('') or one feature: a cache of license_events.
CREATE TABLE consumption_counters (
    company_id   BIGINT NOT NULL REFERENCES companies (id),
    license_id   BIGINT NOT NULL,
    feature      TEXT   NOT NULL,
    period_start BIGINT NOT NULL,
    total        BIGINT NOT NULL,
    PRIMARY KEY (company_id, license_id, feature)
);

-- Append-only: nothing updates or deletes a row. A request id is applied once per license.
CREATE TABLE license_events (
    company_id   BIGINT NOT NULL REFERENCES companies (id),
    id           BIGINT NOT NULL,
    license_id   BIGINT NOT NULL,
    at           BIGINT NOT NULL,
    kind         TEXT   NOT NULL,
    hardware_id  TEXT,
    feature      TEXT,
    amount       BIGINT NOT NULL,
    period_start BIGINT,
    request_id   TEXT,
    fingerprint  TEXT,
    PRIMARY KEY (company_id, id)
);
CREATE INDEX license_events_license ON license_events (company_id, license_id, id);
CREATE UNIQUE INDEX license_events_request ON license_events (company_id, license_id, request_id)
    WHERE request_id IS NOT NULL;

-- Which licenses list which user, by the license's key in its table: findUserLicenses starts from the user's email
-- and reads only that user's licenses. store-jdbc's OrderBatch writes a row per user beside each license it inserts
-- (licenses never change afterwards; no trigger, whose JSON parsing would refuse some emails Java holds); the INSERT
-- below fills it for the licenses of a version-2 database, from users_json (arrays of [user id, email, ...]).
CREATE TABLE license_users (
    company_id    BIGINT  NOT NULL,
    user_id       BIGINT  NOT NULL,
    order_pk      BIGINT  NOT NULL,
    item_position INTEGER NOT NULL,
    position      INTEGER NOT NULL,
    PRIMARY KEY (company_id, user_id, order_pk, item_position, position)
);
INSERT INTO license_users (company_id, user_id, order_pk, item_position, position)
    SELECT l.company_id, CAST(u.value ->> 0 AS BIGINT), l.order_pk, l.item_position, l.position
    FROM licenses l, json_array_elements(CAST(l.users_json AS json)) u WHERE l.users_json IS NOT NULL;
