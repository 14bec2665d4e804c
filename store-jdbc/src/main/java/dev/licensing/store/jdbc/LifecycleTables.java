package dev.licensing.store.jdbc;

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

import static dev.licensing.store.jdbc.Values.getInstant;
import static dev.licensing.store.jdbc.Values.getLong;
import static dev.licensing.store.jdbc.Values.setInstant;
import static dev.licensing.store.jdbc.Values.setLong;
import static dev.licensing.store.jdbc.Values.setText;

/**
 * The license lifecycle's SQL ({@code license_state}, {@code activations}, {@code consumption_counters},
 * {@code license_events}, {@code license_users}), shared by both dialects: plain SQL with {@code ON CONFLICT} upserts.
 * What differs is the key: where {@link SqlDialect#childTablesCarryCompany()} the lifecycle's tables carry
 * {@code company_id} first (PostgreSQL: every key starts with the company), and each statement names it, bound after
 * its other parameters; SQLite's are keyed by the license's engine id alone, which is unique across companies. The
 * trigger that fills {@code license_users} as licenses are written is each dialect's own (its migrations).
 * Statements are fields, not methods, so that a dialect's tests can ask its database how it runs each one.
 */
public final class LifecycleTables {
    public final String licenseByKey;
    public final String userLicenses;
    public final String state;
    public final String active;
    public final String counters;
    public final String request;
    public final String events;
    public final String deactivate;
    public final String updateActive;
    private final String upsertState;
    private final String insertActive;
    private final String upsertCounter;
    private final String insertEvent;
    private final boolean carriesCompany;

    LifecycleTables(SqlDialect dialect) {
        carriesCompany = dialect.childTablesCarryCompany();
        String company = carriesCompany ? " AND company_id = ?" : "";
        String companyColumn = carriesCompany ? ", company_id" : "";
        String companyValue = carriesCompany ? ", ?" : "";
        String stateKey = carriesCompany ? "(company_id, license_id)" : "(license_id)";
        String counterKey = carriesCompany ? "(company_id, license_id, feature)" : "(license_id, feature)";
        licenseByKey = ReaderQueries.SELECT_LICENSE + " WHERE l.company_id = ? AND l.license_key = ?";
        userLicenses = ReaderQueries.SELECT_LICENSE
                + " JOIN license_users lu ON lu.order_pk = l.order_pk AND lu.item_position = l.item_position"
                + " AND lu.position = l.position" + (carriesCompany ? " AND lu.company_id = l.company_id" : "")
                + " JOIN users u ON u.id = lu.user_id" + (carriesCompany ? " AND u.company_id = lu.company_id" : "")
                + " WHERE u.company_id = ? AND u.email_lower = ? AND l.product_code = ? ORDER BY l.id";
        state = "SELECT license_id, first_activated_at, validity_end, maintenance_end, active, transfer_count, "
                + "last_activation_event, last_deactivation_event, last_deactivated_hardware_id "
                + "FROM license_state WHERE license_id = ?" + company;
        active = "SELECT id, hardware_id, user_id, activated_at, vm, seat_until, borrowed_until FROM activations "
                + "WHERE license_id = ?" + company + " AND deactivated_at IS NULL ORDER BY id";
        counters = "SELECT feature, period_start, total FROM consumption_counters WHERE license_id = ?" + company
                + " ORDER BY feature";
        String eventColumns = "SELECT id, license_id, at, kind, hardware_id, feature, amount, period_start, "
                + "request_id, fingerprint FROM license_events";
        request = eventColumns + " WHERE license_id = ? AND request_id = ?" + company;
        events = eventColumns + " WHERE license_id = ?" + company + " ORDER BY id";
        upsertState = "INSERT INTO license_state (license_id, first_activated_at, validity_end, maintenance_end, "
                + "active, transfer_count, last_activation_event, last_deactivation_event, "
                + "last_deactivated_hardware_id" + companyColumn + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?" + companyValue
                + ") ON CONFLICT " + stateKey + " DO UPDATE SET "
                + "first_activated_at = excluded.first_activated_at, validity_end = excluded.validity_end, "
                + "maintenance_end = excluded.maintenance_end, active = excluded.active, "
                + "transfer_count = excluded.transfer_count, last_activation_event = excluded.last_activation_event, "
                + "last_deactivation_event = excluded.last_deactivation_event, "
                + "last_deactivated_hardware_id = excluded.last_deactivated_hardware_id";
        deactivate = "UPDATE activations SET deactivated_at = ? WHERE license_id = ? AND hardware_id = ? "
                + "AND deactivated_at IS NULL" + company;
        updateActive = "UPDATE activations SET user_id = ?, vm = ?, seat_until = ?, borrowed_until = ? "
                + "WHERE license_id = ? AND hardware_id = ? AND deactivated_at IS NULL" + company;
        insertActive = "INSERT INTO activations (id, license_id, hardware_id, user_id, activated_at, vm, seat_until, "
                + "borrowed_until" + companyColumn + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?" + companyValue + ")";
        upsertCounter = "INSERT INTO consumption_counters (license_id, feature, period_start, total" + companyColumn
                + ") VALUES (?, ?, ?, ?" + companyValue + ") ON CONFLICT " + counterKey + " DO UPDATE SET "
                + "period_start = excluded.period_start, total = excluded.total";
        insertEvent = "INSERT INTO license_events (id, license_id, at, kind, hardware_id, feature, amount, "
                + "period_start, request_id, fingerprint" + companyColumn + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                + companyValue + ")";
    }

    /** Binds the company, as the statement's last parameter at {@code index}, where the tables carry it. */
    private PreparedStatement company(PreparedStatement ps, int index, long companyId) throws SQLException {
        if (carriesCompany) {
            ps.setLong(index, companyId);
        }
        return ps;
    }

    Optional<License> licenseByKey(StatementCache statements, long companyId, String key) throws SQLException {
        PreparedStatement ps = statements.prepare(licenseByKey);
        ps.setLong(1, companyId);
        ps.setString(2, key);
        return rows(ps, JdbcReader::license).stream().findFirst();
    }

    List<License> userLicenses(StatementCache statements, long companyId, String emailKey, String productCode)
            throws SQLException {
        PreparedStatement ps = statements.prepare(userLicenses);
        ps.setLong(1, companyId);
        ps.setString(2, emailKey);
        ps.setString(3, productCode);
        return rows(ps, JdbcReader::license);
    }

    LifecycleState state(StatementCache statements, long companyId, long licenseId) throws SQLException {
        PreparedStatement ps = company(statements.prepare(state), 2, companyId);
        ps.setLong(1, licenseId);
        LicenseState found = rows(ps, rs -> new LicenseState(rs.getLong(1), getInstant(rs, 2), getInstant(rs, 3),
                getInstant(rs, 4), rs.getInt(5) != 0, rs.getInt(6), rs.getLong(7), rs.getLong(8), rs.getString(9)))
                .stream().findFirst().orElse(LicenseState.initial(licenseId));
        ps = company(statements.prepare(active), 2, companyId);
        ps.setLong(1, licenseId);
        List<Activation> activations = rows(ps, rs -> new Activation(rs.getLong(1), rs.getString(2), getLong(rs, 3),
                getInstant(rs, 4), rs.getInt(5) != 0, getInstant(rs, 6), getInstant(rs, 7)));
        ps = company(statements.prepare(counters), 2, companyId);
        ps.setLong(1, licenseId);
        List<ConsumptionCounter> totals = rows(ps, rs ->
                new ConsumptionCounter(rs.getString(1), getInstant(rs, 2), rs.getLong(3)));
        return new LifecycleState(found, activations, totals);
    }

    Optional<LicenseEvent> request(StatementCache statements, long companyId, long licenseId, String requestId)
            throws SQLException {
        PreparedStatement ps = company(statements.prepare(request), 3, companyId);
        ps.setLong(1, licenseId);
        ps.setString(2, requestId);
        return rows(ps, LifecycleTables::event).stream().findFirst();
    }

    List<LicenseEvent> events(StatementCache statements, long companyId, long licenseId) throws SQLException {
        PreparedStatement ps = company(statements.prepare(events), 2, companyId);
        ps.setLong(1, licenseId);
        return rows(ps, LifecycleTables::event);
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

    void write(StatementCache statements, long companyId, LifecycleWrite write) throws SQLException {
        long licenseId = write.licenseId();
        for (String hardwareId : write.deactivated()) {
            PreparedStatement ps = company(statements.prepare(deactivate), 4, companyId);
            setInstant(ps, 1, write.at());
            ps.setLong(2, licenseId);
            ps.setString(3, hardwareId);
            ps.executeUpdate();
        }
        for (Activation activation : write.activations()) {
            PreparedStatement update = company(statements.prepare(updateActive), 7, companyId);
            setLong(update, 1, activation.userId());
            update.setInt(2, activation.vm() ? 1 : 0);
            setInstant(update, 3, activation.seatUntil());
            setInstant(update, 4, activation.borrowedUntil());
            update.setLong(5, licenseId);
            update.setString(6, activation.hardwareId());
            if (update.executeUpdate() == 0) {
                PreparedStatement insert = company(statements.prepare(insertActive), 9, companyId);
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
            PreparedStatement ps = company(statements.prepare(upsertCounter), 5, companyId);
            ps.setLong(1, licenseId);
            ps.setString(2, counter.feature());
            setInstant(ps, 3, counter.periodStart());
            ps.setLong(4, counter.total());
            ps.executeUpdate();
        }
        if (write.state() != null) {
            writeState(statements, companyId, write.state());
        }
        for (LicenseEvent event : write.events()) {
            PreparedStatement insert = company(statements.prepare(insertEvent), 11, companyId);
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

    private void writeState(StatementCache statements, long companyId, LicenseState state) throws SQLException {
        PreparedStatement ps = company(statements.prepare(upsertState), 10, companyId);
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
