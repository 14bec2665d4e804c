package dev.licensing.store.postgresql;

import dev.licensing.api.lifecycle.Activate;
import dev.licensing.api.lifecycle.Check;
import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.api.store.StoreException;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.wire.CatalogJson;
import dev.licensing.testkit.LifecycleConformanceSuite;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database of schema version 2 (orders and VIP, no lifecycle tables, no idempotency keys) is refused until
 * {@code migrate}, which brings it to the latest version with its licenses usable: a user-based license written before
 * is found through {@code license_users}, which version 3's script fills from the licenses' users.
 */
class LifecycleMigrationTest {

    @Test
    void aDatabaseOfVersionTwoGainsTheLifecycleTablesAndKeepsItsLicenses() throws Exception {
        String url = EmbeddedPostgresServer.shared().freshStoreUrl();
        String password;
        try (PostgresLicenseStore store = PostgresLicenseStore.open(url, PostgresOptions.DEFAULTS)) {
            LicenseEngine engine = engine(store);
            engine.replaceCatalog("acme", new CatalogJson().read(LifecycleConformanceSuite.CATALOG));
            engine.createOrderJson("acme", "{\"id\": \"o-1\", \"items\": [{\"product_code\": \"APP\", "
                    + "\"licenses\": [{\"key\": \"OLD-1\"}]}]}");
            password = engine.createOrderJson("acme", "{\"id\": \"o-2\", \"items\": [{\"product_code\": \"USR\", "
                    + "\"licenses\": [{\"users\": [{\"email\": \"ann@example.com\"}]}]}]}").newPasswords().get(0)
                    .password();
        }
        // What version 2 left: the same tables less those of versions 3 and 4, and Flyway's history up to 2.
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            for (String table : new String[] {"license_state", "activations", "consumption_counters",
                    "license_events", "license_users", "idempotency_keys"}) {
                statement.execute("DROP TABLE " + table);
            }
            assertThat(statement.executeUpdate("DELETE FROM flyway_schema_history WHERE version IN ('3', '4')"))
                    .isEqualTo(2);
        }
        assertThatThrownBy(() -> PostgresLicenseStore.open(url, PostgresOptions.DEFAULTS))
                .isInstanceOf(StoreException.class).hasMessageContaining("schema version 2, older than this engine's 4");

        assertThat(PostgresLicenseStore.migrate(url, PostgresOptions.DEFAULTS)).isEqualTo("4");

        try (PostgresLicenseStore store = PostgresLicenseStore.open(url, PostgresOptions.DEFAULTS)) {
            LicenseEngine engine = engine(store);
            assertThat(engine.activate("acme", new Activate(new LicenseRef.Key("APP", "OLD-1"), "H1", null, false))
                    .timesActivated()).isEqualTo(1);
            assertThat(engine.activate("acme", new Activate(new LicenseRef.User("USR", "Ann@Example.com", null), "H1",
                    password, false)).user()).isEqualTo("ann@example.com");
            assertThat(engine.check("acme", new Check(new LicenseRef.Key("APP", "OLD-1"), "H1", false)).active())
                    .isTrue();
        }
    }

    private static LicenseEngine engine(PostgresLicenseStore store) {
        return LicenseEngine.builder(store).clock(Clock.fixed(Instant.parse("2025-03-25T10:00:00Z"), ZoneOffset.UTC))
                .random(new Random(3)).build();
    }
}
