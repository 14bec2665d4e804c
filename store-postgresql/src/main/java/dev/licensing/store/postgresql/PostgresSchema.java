package dev.licensing.store.postgresql;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import javax.sql.DataSource;

/**
 * The schema's versions: Flyway applies the SQL files under {@code db/migration/postgresql} ({@code V<n>__<name>.sql})
 * and records each in its history table. A database whose history goes past {@link #LATEST} was written by a newer
 * engine and is refused, so that an old engine never writes rows a newer schema does not expect.
 */
final class PostgresSchema {
    /** The last script of this build. */
    static final MigrationVersion LATEST = MigrationVersion.fromVersion("4");
    private static final String LOCATION = "classpath:db/migration/postgresql";

    /** What {@link #prepare} may do to a database that is behind {@link #LATEST}. */
    enum Mode {
        /** Create the schema in an empty database; refuse one at an older version (the default of every command). */
        CREATE_WHEN_EMPTY,
        /** Create or upgrade ({@code licensing migrate}). */
        UPGRADE
    }

    private PostgresSchema() {
    }

    /**
     * Brings the database to {@link #LATEST} as {@code mode} allows, and returns its version. Flyway takes a lock in the
     * database while it migrates, so processes that open one empty database at once create the schema once.
     */
    static MigrationVersion prepare(DataSource dataSource, Mode mode, PostgresFailures failures) {
        Flyway flyway = Flyway.configure(PostgresSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .load();
        try {
            MigrationInfo current = flyway.info().current();
            MigrationVersion version = current == null ? MigrationVersion.EMPTY : current.getVersion();
            if (version.isNewerThan(LATEST)) {
                throw failures.invalid("the database was written by a newer version of the engine (schema version "
                        + version + "; this version knows up to " + LATEST + ")", null);
            }
            if (version.equals(LATEST)) {
                return version;
            }
            if (current != null && mode != Mode.UPGRADE) {
                throw failures.invalid("the database is at schema version " + version + ", older than this engine's "
                        + LATEST + ": run `licensing migrate --db ...` first", null);
            }
            flyway.migrate();
            return LATEST;
        } catch (FlywayException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("non-empty schema")) {
                throw failures.invalid("the database is not empty and has no licensing schema history (another "
                        + "application's database?)", e);
            }
            throw failures.invalid("preparing the schema failed: " + message, e);
        }
    }
}
