package dev.licensing.store.jdbc;

import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static dev.licensing.store.jdbc.Values.getBool;
import static dev.licensing.store.jdbc.Values.getInt;
import static dev.licensing.store.jdbc.Values.getLong;
import static dev.licensing.store.jdbc.Values.setBool;
import static dev.licensing.store.jdbc.Values.setInt;
import static dev.licensing.store.jdbc.Values.setLong;
import static dev.licensing.store.jdbc.Values.setText;

/**
 * The column of each property of {@link LicenseProperties} (licenses, product defaults, policies), in one fixed order
 * for SQL text, binding and reading alike. A license feature's {@code FeatureProperties} are fields of the license's
 * {@code features_json} ({@link LicenseJson}).
 */
final class PropertyColumns {
    private PropertyColumns() {
    }

    static final List<String> LICENSE = List.of(
            "active", "enabled", "license_type", "max_activations", "allow_unlimited_activations", "valid_duration",
            "validity_period", "start_date", "floating_timeout", "max_transfers", "can_borrow", "max_borrow_time",
            "is_air_gapped", "subscription_id", "enable_maintenance_period", "maintenance_duration",
            "maintenance_period", "is_floating_cloud", "is_floating", "floating_users", "is_local_license",
            "floating_server_id", "is_trial", "trial_days", "prevent_vm", "is_hardware_key_auth", "allow_grace_period",
            "grace_period", "max_consumptions", "allow_overages", "max_overages", "reset_consumption",
            "consumption_period", "allow_negative_consumptions", "allow_unlimited_consumptions", "max_license_users");

    /** Binds {@code p} from parameter {@code at} on; returns the next free parameter index. */
    static int bind(PreparedStatement ps, int at, LicenseProperties p) throws SQLException {
        int i = at;
        setBool(ps, i++, p.active());
        setBool(ps, i++, p.enabled());
        setText(ps, i++, p.licenseType() == null ? null : p.licenseType().wire());
        setInt(ps, i++, p.maxActivations());
        setBool(ps, i++, p.allowUnlimitedActivations());
        setText(ps, i++, p.validDuration());
        setText(ps, i++, p.validityPeriod());
        setText(ps, i++, p.startDate());
        setInt(ps, i++, p.floatingTimeout());
        setInt(ps, i++, p.maxTransfers());
        setBool(ps, i++, p.canBorrow());
        setInt(ps, i++, p.maxBorrowTime());
        setBool(ps, i++, p.isAirGapped());
        setText(ps, i++, p.subscriptionId());
        setBool(ps, i++, p.enableMaintenancePeriod());
        setText(ps, i++, p.maintenanceDuration());
        setText(ps, i++, p.maintenancePeriod());
        setBool(ps, i++, p.isFloatingCloud());
        setBool(ps, i++, p.isFloating());
        setInt(ps, i++, p.floatingUsers());
        setBool(ps, i++, p.isLocalLicense());
        setLong(ps, i++, p.floatingServerId());
        setBool(ps, i++, p.isTrial());
        setInt(ps, i++, p.trialDays());
        setBool(ps, i++, p.preventVm());
        setBool(ps, i++, p.isHardwareKeyAuth());
        setBool(ps, i++, p.allowGracePeriod());
        setInt(ps, i++, p.gracePeriod());
        setLong(ps, i++, p.maxConsumptions());
        setBool(ps, i++, p.allowOverages());
        setLong(ps, i++, p.maxOverages());
        setBool(ps, i++, p.resetConsumption());
        setText(ps, i++, p.consumptionPeriod() == null ? null : p.consumptionPeriod().wire());
        setBool(ps, i++, p.allowNegativeConsumptions());
        setBool(ps, i++, p.allowUnlimitedConsumptions());
        setInt(ps, i++, p.maxLicenseUsers());
        return i;
    }

    /** Reads the properties whose first column is {@code at}. */
    static LicenseProperties readLicense(ResultSet rs, int at) throws SQLException {
        int i = at;
        return new LicenseProperties(
                getBool(rs, i++), getBool(rs, i++), licenseType(rs.getString(i++)), getInt(rs, i++), getBool(rs, i++),
                rs.getString(i++), rs.getString(i++), rs.getString(i++), getInt(rs, i++), getInt(rs, i++),
                getBool(rs, i++), getInt(rs, i++), getBool(rs, i++), rs.getString(i++), getBool(rs, i++),
                rs.getString(i++), rs.getString(i++), getBool(rs, i++), getBool(rs, i++), getInt(rs, i++),
                getBool(rs, i++), getLong(rs, i++), getBool(rs, i++), getInt(rs, i++), getBool(rs, i++),
                getBool(rs, i++), getBool(rs, i++), getInt(rs, i++), getLong(rs, i++), getBool(rs, i++),
                getLong(rs, i++), getBool(rs, i++), consumptionPeriod(rs.getString(i++)), getBool(rs, i++),
                getBool(rs, i++), getInt(rs, i));
    }

    private static LicenseType licenseType(String wire) {
        return wire == null ? null : LicenseType.fromWire(wire);
    }

    private static ConsumptionPeriod consumptionPeriod(String wire) {
        return wire == null ? null : ConsumptionPeriod.fromWire(wire);
    }

    /** {@code prefix.a, prefix.b, ...} for a select list. */
    static String select(String prefix, List<String> columns) {
        return prefix + "." + String.join(", " + prefix + ".", columns);
    }
}
