package dev.licensing.store.sqlite;

import dev.licensing.api.lifecycle.Activate;
import dev.licensing.api.lifecycle.Check;
import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.wire.CatalogJson;
import dev.licensing.testkit.LifecycleConformanceSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file written by the schema version before the lifecycle's script (orders, no lifecycle tables) opens at the latest
 * version with its licenses usable. The version is found by the script's name; the tables of the one step after it
 * (the idempotency keys') are dropped too.
 */
class LifecycleMigrationTest {
    private static final String SCRIPT = "V4__lifecycle.sql";

    @TempDir
    Path dir;

    @Test
    void aFileOfTheVersionBeforeGainsTheLifecycleTablesAndKeepsItsLicenses() throws Exception {
        Path file = dir.resolve("v1.db");
        String password;
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            LicenseEngine engine = engine(store);
            engine.replaceCatalog("acme", new CatalogJson().read(LifecycleConformanceSuite.CATALOG));
            engine.createOrderJson("acme", "{\"id\": \"o-1\", \"items\": [{\"product_code\": \"APP\", "
                    + "\"licenses\": [{\"key\": \"OLD-1\"}]}]}");
            password = engine.createOrderJson("acme", "{\"id\": \"o-2\", \"items\": [{\"product_code\": \"USR\", "
                    + "\"licenses\": [{\"users\": [{\"email\": \"ann@example.com\"}]}]}]}").newPasswords().get(0)
                    .password();
        }
        // What the version before left: the same tables less the lifecycle's and those of the steps after it (the
        // idempotency keys', version 5), and its user_version.
        int before = Schema.versionAfter(SCRIPT) - 1;
        assertThat(Schema.versionAfter("V5__idempotency_keys.sql")).as("the last step after the lifecycle's")
                .isEqualTo(Schema.LATEST).isEqualTo(before + 2);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER license_users_of_new_license");
            for (String table : new String[] {"license_state", "activations", "consumption_counters",
                    "license_events", "license_users"}) {
                statement.execute("DROP TABLE " + table);
            }
            statement.execute("DROP TABLE idempotency_keys");
            statement.execute("PRAGMA user_version = " + before);
        }
        assertThat(OpeningFilesTest.userVersion(file)).isEqualTo(before);
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            LicenseEngine engine = engine(store);
            assertThat(engine.activate("acme", new Activate(new LicenseRef.Key("APP", "OLD-1"), "H1", null, false))
                    .timesActivated()).isEqualTo(1);
            // The user-based license written before is found through the table the migration filled.
            assertThat(engine.activate("acme", new Activate(new LicenseRef.User("USR", "Ann@Example.com", null), "H1",
                    password, false)).user()).isEqualTo("ann@example.com");
        }
        assertThat(OpeningFilesTest.userVersion(file)).isEqualTo(Schema.LATEST);
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            assertThat(engine(store).check("acme", new Check(new LicenseRef.Key("APP", "OLD-1"), "H1", false))
                    .active()).isTrue();
        }
    }

    private static LicenseEngine engine(SqliteLicenseStore store) {
        return LicenseEngine.builder(store).clock(Clock.fixed(Instant.parse("2025-03-25T10:00:00Z"), ZoneOffset.UTC))
                .random(new Random(3)).build();
    }
}
