package dev.licensing.store.jdbc;

import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseProperty;

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
 * The column of each property of {@link LicenseProperties} (licenses, product defaults, policies): its wire name, in
 * the declaration order of {@link LicenseProperty#all()}, for SQL text, binding and reading alike. A license feature's
 * {@code FeatureProperties} are fields of the license's {@code features_json} ({@link LicenseJson}).
 */
final class PropertyColumns {
    private PropertyColumns() {
    }

    static final List<String> LICENSE = LicenseProperty.all().stream().map(LicenseProperty::wireName).toList();

    /** Binds {@code p} from parameter {@code at} on; returns the next free parameter index. */
    static int bind(PreparedStatement ps, int at, LicenseProperties p) throws SQLException {
        for (LicenseProperty property : LicenseProperty.all()) {
            int i = at + property.index();
            Object value = property.toWire(property.get(p));
            switch (property.kind()) {
                case BOOLEAN -> setBool(ps, i, (Boolean) value);
                case INTEGER -> setInt(ps, i, (Integer) value);
                case LONG -> setLong(ps, i, (Long) value);
                case TEXT, LICENSE_TYPE, CONSUMPTION_PERIOD -> setText(ps, i, (String) value);
            }
        }
        return at + LicenseProperty.all().size();
    }

    /** Reads the properties whose first column is {@code at}. */
    static LicenseProperties readLicense(ResultSet rs, int at) throws SQLException {
        Object[] values = new Object[LicenseProperty.all().size()];
        for (LicenseProperty property : LicenseProperty.all()) {
            int i = at + property.index();
            values[property.index()] = switch (property.kind()) {
                case BOOLEAN -> getBool(rs, i);
                case INTEGER -> getInt(rs, i);
                case LONG -> getLong(rs, i);
                case TEXT, LICENSE_TYPE, CONSUMPTION_PERIOD -> property.fromText(rs.getString(i));
            };
        }
        return LicenseProperty.build(property -> values[property.index()]);
    }

    /** {@code prefix.a, prefix.b, ...} for a select list. */
    static String select(String prefix, List<String> columns) {
        return prefix + "." + String.join(", " + prefix + ".", columns);
    }
}
