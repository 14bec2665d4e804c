package dev.licensing.store.sqlite;

import dev.licensing.api.model.License;
import dev.licensing.api.store.Activation;
import dev.licensing.api.store.ConsumptionCounter;
import dev.licensing.api.store.LicenseEvent;
import dev.licensing.api.store.LicenseState;
import dev.licensing.api.store.LifecycleState;
import dev.licensing.api.store.LifecycleWrite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.licensing.store.sqlite.Values.getInstant;
import static dev.licensing.store.sqlite.Values.getLong;
import static dev.licensing.store.sqlite.Values.setInstant;
import static dev.licensing.store.sqlite.Values.setLong;
import static dev.licensing.store.sqlite.Values.setText;

/**
 * The license lifecycle's SQL (schema V3: {@code license_state}, {@code activations}, {@code consumption_counters},
 * {@code license_events}, {@code license_users}). Plain SQL with {@code ON CONFLICT} upserts, which PostgreSQL runs as
 * it is; only the trigger that fills {@code license_users} (V3's script) is SQLite's.
 */
final class SqliteLifecycle {
    private static final String LICENSE_BY_KEY =
            SqliteReader.SELECT_LICENSE + " WHERE l.company_id = ? AND l.license_key = ?";
    private static final String USER_LICENSES = SqliteReader.SELECT_LICENSE
            + " JOIN license_users lu ON lu.order_pk = l.order_pk AND lu.item_position = l.item_position"
            + " AND lu.position = l.position JOIN users u ON u.id = lu.user_id"
            + " WHERE u.company_id = ? AND u.email_lower = ? AND l.product_code = ? ORDER BY l.id";
    private static final String STATE = "SELECT license_id, first_activated_at, validity_end, maintenance_end, active, "
            + "transfer_count, last_activation_event, last_deactivation_event, last_deactivated_hardware_id "
            + "FROM license_state WHERE license_id = ?";
    private static final String ACTIVE = "SELECT id, hardware_id, user_id, activated_at, vm, seat_until, "
            + "borrowed_until FROM activations WHERE license_id = ? AND deactivated_at IS NULL ORDER BY id";
    private static final String COUNTERS = "SELECT feature, period_start, total FROM consumption_counters "
            + "WHERE license_id = ? ORDER BY feature";
    private static final String EVENT_COLUMNS = "SELECT id, license_id, at, kind, hardware_id, feature, amount, "
            + "period_start, request_id, fingerprint FROM license_events";
    private static final String REQUEST = EVENT_COLUMNS + " WHERE license_id = ? AND request_id = ?";
    private static final String EVENTS = EVENT_COLUMNS + " WHERE license_id = ? ORDER BY id";

    private static final String UPSERT_STATE = "INSERT INTO license_state (license_id, first_activated_at, "
            + "validity_end, maintenance_end, active, transfer_count, last_activation_event, last_deactivation_event, "
            + "last_deactivated_hardware_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (license_id) DO UPDATE SET "
            + "first_activated_at = excluded.first_activated_at, validity_end = excluded.validity_end, "
            + "maintenance_end = excluded.maintenance_end, active = excluded.active, "
            + "transfer_count = excluded.transfer_count, last_activation_event = excluded.last_activation_event, "
            + "last_deactivation_event = excluded.last_deactivation_event, "
            + "last_deactivated_hardware_id = excluded.last_deactivated_hardware_id";
    private static final String DEACTIVATE = "UPDATE activations SET deactivated_at = ? "
            + "WHERE license_id = ? AND hardware_id = ? AND deactivated_at IS NULL";
    private static final String UPDATE_ACTIVE = "UPDATE activations SET user_id = ?, vm = ?, seat_until = ?, "
            + "borrowed_until = ? WHERE license_id = ? AND hardware_id = ? AND deactivated_at IS NULL";
    private static final String INSERT_ACTIVE = "INSERT INTO activations (id, license_id, hardware_id, user_id, "
            + "activated_at, vm, seat_until, borrowed_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPSERT_COUNTER = "INSERT INTO consumption_counters (license_id, feature, "
            + "period_start, total) VALUES (?, ?, ?, ?) ON CONFLICT (license_id, feature) DO UPDATE SET "
            + "period_start = excluded.period_start, total = excluded.total";
    private static final String INSERT_EVENT = "INSERT INTO license_events (id, license_id, at, kind, hardware_id, "
            + "feature, amount, period_start, request_id, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private SqliteLifecycle() {
    }

    static Optional<License> licenseByKey(StatementCache statements, long companyId, String key) throws SQLException {
        PreparedStatement ps = statements.prepare(LICENSE_BY_KEY);
        ps.setLong(1, companyId);
        ps.setString(2, key);
        List<License> found = rows(ps, SqliteReader::license);
        return found.stream().findFirst();
    }

    static List<License> userLicenses(StatementCache statements, long companyId, String emailLower,
                                      String productCode) throws SQLException {
        PreparedStatement ps = statements.prepare(USER_LICENSES);
        ps.setLong(1, companyId);
        ps.setString(2, emailLower);
        ps.setString(3, productCode);
        return rows(ps, SqliteReader::license);
    }

    static LifecycleState state(StatementCache statements, long licenseId) throws SQLException {
        PreparedStatement ps = statements.prepare(STATE);
        ps.setLong(1, licenseId);
        LicenseState state = rows(ps, rs -> new LicenseState(rs.getLong(1), getInstant(rs, 2), getInstant(rs, 3),
                getInstant(rs, 4), rs.getInt(5) != 0, rs.getInt(6), rs.getLong(7), rs.getLong(8), rs.getString(9)))
                .stream().findFirst().orElse(LicenseState.initial(licenseId));
        ps = statements.prepare(ACTIVE);
        ps.setLong(1, licenseId);
        List<Activation> active = rows(ps, rs -> new Activation(rs.getLong(1), rs.getString(2), getLong(rs, 3),
                getInstant(rs, 4), rs.getInt(5) != 0, getInstant(rs, 6), getInstant(rs, 7)));
        ps = statements.prepare(COUNTERS);
        ps.setLong(1, licenseId);
        List<ConsumptionCounter> counters = rows(ps, rs ->
                new ConsumptionCounter(rs.getString(1), getInstant(rs, 2), rs.getLong(3)));
        return new LifecycleState(state, active, counters);
    }

    static Optional<LicenseEvent> request(StatementCache statements, long licenseId, String requestId)
            throws SQLException {
        PreparedStatement ps = statements.prepare(REQUEST);
        ps.setLong(1, licenseId);
        ps.setString(2, requestId);
        return rows(ps, SqliteLifecycle::event).stream().findFirst();
    }

    static List<LicenseEvent> events(StatementCache statements, long licenseId) throws SQLException {
        PreparedStatement ps = statements.prepare(EVENTS);
        ps.setLong(1, licenseId);
        return rows(ps, SqliteLifecycle::event);
    }

    /** One row's value. */
    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> rows(PreparedStatement ps, Row<T> row) throws SQLException {
        List<T> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(row.read(rs));
            }
        }
        return found;
    }

    private static LicenseEvent event(ResultSet rs) throws SQLException {
        return new LicenseEvent(rs.getLong(1), rs.getLong(2), getInstant(rs, 3),
                LicenseEvent.Kind.fromWire(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getLong(7),
                getInstant(rs, 8), rs.getString(9), rs.getString(10));
    }

    static void write(StatementCache statements, LifecycleWrite write) throws SQLException {
        long licenseId = write.licenseId();
        for (String hardwareId : write.deactivated()) {
            PreparedStatement ps = statements.prepare(DEACTIVATE);
            setInstant(ps, 1, write.at());
            ps.setLong(2, licenseId);
            ps.setString(3, hardwareId);
            ps.executeUpdate();
        }
        for (Activation activation : write.activations()) {
            PreparedStatement update = statements.prepare(UPDATE_ACTIVE);
            setLong(update, 1, activation.userId());
            update.setInt(2, activation.vm() ? 1 : 0);
            setInstant(update, 3, activation.seatUntil());
            setInstant(update, 4, activation.borrowedUntil());
            update.setLong(5, licenseId);
            update.setString(6, activation.hardwareId());
            if (update.executeUpdate() == 0) {
                PreparedStatement insert = statements.prepare(INSERT_ACTIVE);
                insert.setLong(1, activation.id());
                insert.setLong(2, licenseId);
                insert.setString(3, activation.hardwareId());
                setLong(insert, 4, activation.userId());
                setInstant(insert, 5, activation.activatedAt());
                insert.setInt(6, activation.vm() ? 1 : 0);
                setInstant(insert, 7, activation.seatUntil());
                setInstant(insert, 8, activation.borrowedUntil());
                insert.executeUpdate();
            }
        }
        for (ConsumptionCounter counter : write.counters()) {
            PreparedStatement ps = statements.prepare(UPSERT_COUNTER);
            ps.setLong(1, licenseId);
            ps.setString(2, counter.feature());
            setInstant(ps, 3, counter.periodStart());
            ps.setLong(4, counter.total());
            ps.executeUpdate();
        }
        if (write.state() != null) {
            writeState(statements, write.state());
        }
        for (LicenseEvent event : write.events()) {
            PreparedStatement insert = statements.prepare(INSERT_EVENT);
            insert.setLong(1, event.id());
            insert.setLong(2, licenseId);
            setInstant(insert, 3, event.at());
            insert.setString(4, event.kind().wire());
            setText(insert, 5, event.hardwareId());
            setText(insert, 6, event.feature());
            insert.setLong(7, event.amount());
            setInstant(insert, 8, event.periodStart());
            setText(insert, 9, event.requestId());
            setText(insert, 10, event.fingerprint());
            insert.executeUpdate();
        }
    }

    private static void writeState(StatementCache statements, LicenseState state) throws SQLException {
        PreparedStatement ps = statements.prepare(UPSERT_STATE);
        ps.setLong(1, state.licenseId());
        setInstant(ps, 2, state.firstActivatedAt());
        setInstant(ps, 3, state.validityEnd());
        setInstant(ps, 4, state.maintenanceEnd());
        ps.setInt(5, state.active() ? 1 : 0);
        ps.setInt(6, state.transferCount());
        ps.setLong(7, state.lastActivationEvent());
        ps.setLong(8, state.lastDeactivationEvent());
        setText(ps, 9, state.lastDeactivatedHardwareId());
        ps.executeUpdate();
    }
}
