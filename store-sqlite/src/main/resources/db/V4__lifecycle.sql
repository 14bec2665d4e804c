-- Schema version 4: the license lifecycle (design/lifecycle.md "Store"). Rows name their license by its engine id,
-- which is unique across companies; instants are epoch milliseconds. Plain SQL that PostgreSQL also runs.

-- What the lifecycle keeps of a license beside its properties; no row until its first lifecycle write.
CREATE TABLE license_state (
    license_id                   INTEGER PRIMARY KEY,
    first_activated_at           INTEGER,
    validity_end                 INTEGER,
    maintenance_end              INTEGER,
    active                       INTEGER NOT NULL,
    transfer_count               INTEGER NOT NULL,
    last_activation_event        INTEGER NOT NULL,
    last_deactivation_event      INTEGER NOT NULL,
    last_deactivated_hardware_id TEXT
);

-- Every activation a license had; the active ones have no deactivated_at, at most one per license and device.
CREATE TABLE activations (
    id             INTEGER PRIMARY KEY,
    license_id     INTEGER NOT NULL,
    hardware_id    TEXT    NOT NULL,
    user_id        INTEGER,
    activated_at   INTEGER NOT NULL,
    deactivated_at INTEGER,
    vm             INTEGER NOT NULL,
    seat_until     INTEGER,
    borrowed_until INTEGER
);
CREATE UNIQUE INDEX activations_active ON activations (license_id, hardware_id) WHERE deactivated_at IS NULL;

-- The total of the current (or last used) period of the license ('') or one feature: a cache of license_events.
CREATE TABLE consumption_counters (
    license_id   INTEGER NOT NULL,
    feature      TEXT    NOT NULL,
    period_start INTEGER NOT NULL,
    total        INTEGER NOT NULL,
    PRIMARY KEY (license_id, feature)
);

-- Append-only: nothing updates or deletes a row. A request id is applied once per license.
CREATE TABLE license_events (
    id           INTEGER PRIMARY KEY,
    license_id   INTEGER NOT NULL,
    at           INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    hardware_id  TEXT,
    feature      TEXT,
    amount       INTEGER NOT NULL,
    period_start INTEGER,
    request_id   TEXT,
    fingerprint  TEXT
);
CREATE INDEX license_events_license ON license_events (license_id, id);
CREATE UNIQUE INDEX license_events_request ON license_events (license_id, request_id) WHERE request_id IS NOT NULL;

-- Which licenses list which user, by the license's key in its table: findUserLicenses starts from the user's email
-- and reads only that user's licenses. The trigger fills it from licenses.users_json as licenses are written (they
-- never change afterwards); the INSERT below fills it for the licenses of a version-1 file.
CREATE TABLE license_users (
    user_id       INTEGER NOT NULL,
    order_pk      INTEGER NOT NULL,
    item_position INTEGER NOT NULL,
    position      INTEGER NOT NULL,
    PRIMARY KEY (user_id, order_pk, item_position, position)
) WITHOUT ROWID;
INSERT INTO license_users (user_id, order_pk, item_position, position)
    SELECT json_extract(u.value, '$[0]'), l.order_pk, l.item_position, l.position
    FROM licenses l, json_each(l.users_json) u WHERE l.users_json IS NOT NULL;
CREATE TRIGGER license_users_of_new_license AFTER INSERT ON licenses WHEN NEW.users_json IS NOT NULL BEGIN
    INSERT INTO license_users (user_id, order_pk, item_position, position) SELECT json_extract(u.value, '$[0]'), NEW.order_pk, NEW.item_position, NEW.position FROM json_each(NEW.users_json) u; END;
