package dev.licensing.store.postgresql;

import dev.licensing.api.LicenseProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations' DDL is static SQL, while store-jdbc binds and reads the property columns from the one declaration,
 * {@link LicenseProperty}: after every migration, each table holding license properties has exactly one column per
 * declared property, of the SQL type its kind binds to, and nothing else but its own columns. Adding a property is then
 * one declaration plus one migration, and forgetting the migration fails here rather than at the first insert.
 */
class PropertyColumnsSchemaTest {
    /** Each property-holding table's columns that are not license properties. */
    private static final Map<String, List<String>> OWN_COLUMNS = Map.of(
            "licenses", List.of("company_id", "order_pk", "item_position", "position", "id", "product_id",
                    "product_code", "created_at", "updated_at", "license_key", "is_bundle", "bundle_license_id",
                    "policy_id", "policy_code", "note", "metadata", "users_json", "features_json",
                    "custom_fields_json"),
            "products", List.of("company_id", "position", "id", "code", "name", "authorization_method",
                    "default_policy", "features", "custom_fields", "bundle_products"),
            "policies", List.of("company_id", "position", "id", "product_code", "code", "name", "metadata",
                    "product_features", "custom_fields"));

    @Test
    void everyPropertyTableHasOneColumnOfItsKindsTypePerDeclaredProperty() throws Exception {
        String url = EmbeddedPostgresServer.shared().freshStoreUrl();
        PostgresLicenseStore.open(url, PostgresOptions.DEFAULTS).close();
        try (Connection connection = DriverManager.getConnection(url)) {
            for (Map.Entry<String, List<String>> table : OWN_COLUMNS.entrySet()) {
                Map<String, String> propertyColumns = columns(connection, table.getKey());
                assertThat(propertyColumns.keySet()).as("%s's own columns", table.getKey())
                        .containsAll(table.getValue());
                propertyColumns.keySet().removeAll(table.getValue());

                Map<String, String> declared = new LinkedHashMap<>();
                LicenseProperty.all().forEach(property -> declared.put(property.wireName(), sqlType(property)));
                assertThat(propertyColumns).as("%s's property columns and their types", table.getKey())
                        .containsExactlyInAnyOrderEntriesOf(declared);
            }
        }
    }

    /** The PostgreSQL type of the column that store-jdbc's binding of {@code property}'s kind writes. */
    private static String sqlType(LicenseProperty property) {
        return switch (property.kind()) {
            case BOOLEAN -> "smallint";
            case INTEGER -> "integer";
            case LONG -> "bigint";
            case TEXT, LICENSE_TYPE, CONSUMPTION_PERIOD -> "text";
        };
    }

    private static Map<String, String> columns(Connection connection, String table) throws Exception {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT column_name, data_type FROM "
                + "information_schema.columns WHERE table_schema = current_schema() AND table_name = ? "
                + "ORDER BY ordinal_position")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return columns;
    }
}
