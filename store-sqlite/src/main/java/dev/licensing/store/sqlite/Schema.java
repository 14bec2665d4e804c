package dev.licensing.store.sqlite;

import dev.licensing.api.EmailKey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema's versions: step n takes a file from version n-1 to n, and SQLite's {@code user_version} says where a file
 * stands. Opening a file first only reads it: nothing is written to a file (no WAL switch, no table, no
 * {@code user_version}) until it is known to be a store of ours, or new and empty; a newer version's file, another
 * application's database or a damaged store is refused untouched. Then the missing steps run in one write
 * transaction, re-checked under its lock, so a file is at one version or the next, never half-way, and several
 * processes opening one new or old file at once create or migrate it once.
 */
final class Schema {
    /** How one step changes a file; applied inside the migrating transaction. */
    private interface Change {
        void apply(Statement statement) throws SQLException;
    }

    /**
     * One step of the schema's history.
     *
     * @param tables the tables the step creates: a file at a version must hold those of every step up to it, and
     *               each is touched on open so that a damaged file fails there
     */
    private record Step(String name, Change change, List<String> tables) {
        /** A step that runs the script {@code /db/<name>}. */
        static Step script(String name, List<String> tables) {
            return new Step(name, statement -> Schema.script(statement, name), tables);
        }
    }

    /** Every step, in version order: the n-th takes a file to version n. */
    private static final List<Step> STEPS = List.of(
            Step.script("V1__schema.sql", List.of("companies", "id_sequence", "customers", "users", "orders",
                    "order_items", "licenses", "products", "policies", "customer_accounts")),
            Step.script("V2__vip.sql", List.of("vip_catalog", "vip_coterms", "vip_orders", "vip_subscriptions",
                    "vip_replays")),
            new Step("rekey emails by EmailKey", Schema::rekeyEmails, List.of()),
            Step.script("V4__lifecycle.sql", List.of("license_state", "activations", "consumption_counters",
                    "license_events", "license_users")),
            Step.script("V5__idempotency_keys.sql", List.of("idempotency_keys")));
    static final int LATEST = STEPS.size();

    /** The version a file is at once the step of that name ran (a script's file name), for tests of migrations. */
    static int versionAfter(String step) {
        for (int i = 0; i < STEPS.size(); i++) {
            if (STEPS.get(i).name().equals(step)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no schema step " + step);
    }

    private Schema() {
    }

    /**
     * Checks, read-only, that the file is a store of ours or new and empty; only then switches it to WAL and brings it
     * to {@link #LATEST}. SQLite may answer "database is locked" at once, without waiting for the busy timeout, while
     * other processes open the same new file (a change of journal mode, a WAL being set up): every step here is safe to
     * repeat, so the whole opening is retried on such an answer until the busy timeout.
     */
    static void open(Connection connection, Failures failures, long busyTimeoutMillis) throws SQLException {
        long deadline = System.nanoTime() + busyTimeoutMillis * 1_000_000L;
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + busyTimeoutMillis);
            while (true) {
                try {
                    int version = readOnly(statement, () -> version(statement, failures));
                    walMode(statement, failures);
                    if (version < LATEST) {
                        migrate(statement, failures);
                    }
                    return;
                } catch (SQLException e) {
                    int code = Failures.primaryCode(e);
                    if ((code != Failures.SQLITE_BUSY && code != Failures.SQLITE_LOCKED)
                            || System.nanoTime() - deadline > 0) {
                        throw e;
                    }
                    pause();
                }
            }
        }
    }

    /**
     * The file's schema version, 0 for a new, empty file; refuses (a {@code StoreException}) any other file: a newer
     * version's, another application's, or a store of ours that is damaged. Only reads.
     */
    private static int version(Statement statement, Failures failures) throws SQLException {
        int version = userVersion(statement);
        if (version > LATEST) {
            throw failures.invalid("it was written by a newer version of the store (schema version " + version
                    + "; this version reads up to " + LATEST + ")");
        }
        if (version == 0) {
            // New and empty means nothing at all: a view, an index or an application id is another application's.
            if (schemaObjects(statement) > 0 || applicationId(statement) != 0) {
                throw failures.invalid("it is a SQLite database of another application (it has a schema or an "
                        + "application id but no licensing schema version)");
            }
            return 0;
        }
        check(statement, failures, version);
        return version;
    }

    private interface Read<T> {
        T run() throws SQLException;
    }

    private static <T> T readOnly(Statement statement, Read<T> read) throws SQLException {
        statement.execute("BEGIN");
        try {
            T result = read.run();
            statement.execute("COMMIT");
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback(statement, e);
            throw e;
        }
    }

    /** Switches the file to WAL, which persists in the file: only for a file known to be ours or new. */
    private static void walMode(Statement statement, Failures failures) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA journal_mode = WAL")) {
            rs.next();
            if (!"wal".equalsIgnoreCase(rs.getString(1))) {
                throw failures.invalid("SQLite refused to switch it to WAL (journal mode " + rs.getString(1) + ")");
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted opening a SQLite store", interrupted);
        }
    }

    /** Applies the missing steps under the write lock, re-reading the version: another process may have been first. */
    private static void migrate(Statement statement, Failures failures) throws SQLException {
        statement.execute("BEGIN IMMEDIATE");
        try {
            int version = version(statement, failures);
            for (int next = version + 1; next <= LATEST; next++) {
                STEPS.get(next - 1).change().apply(statement);
            }
            if (version < LATEST) {
                statement.execute("PRAGMA user_version = " + LATEST);
            }
            check(statement, failures, LATEST);
            statement.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            rollback(statement, e);
            throw e;
        }
    }

    static int userVersion(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int schemaObjects(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int applicationId(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA application_id")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Set<String> tables(Statement statement) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Checks that the file holds every table of a file at {@code version}, and that each can be read. */
    private static void check(Statement statement, Failures failures, int version) throws SQLException {
        Set<String> present = tables(statement);
        for (String table : STEPS.subList(0, version).stream().flatMap(step -> step.tables().stream()).toList()) {
            if (!present.contains(table)) {
                throw failures.invalid("it is not a licensing store: table " + table + " is missing");
            }
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
                rs.next();
            }
        }
    }

    /** Runs a script of {@code /db}: its statements split where a line ends with a semicolon. */
    private static void script(Statement statement, String name) throws SQLException {
        String text = resource("/db/" + name);
        for (String part : text.split(";\\s*(\\r?\\n|$)")) {
            if (!part.isBlank()) {
                statement.execute(part.strip());
            }
        }
    }

    /**
     * Version 2: the {@code email_lower} columns hold {@link EmailKey} (NFC and case folding), no longer Java's lower
     * case. The two differ only outside ASCII, so only those rows are read. Rows are re-keyed oldest first; one whose new
     * key an older row already has (two users the new rule calls one) keeps its old key, so nothing is merged or lost.
     */
    private static void rekeyEmails(Statement statement) throws SQLException {
        for (String table : List.of("users", "customers")) {
            Map<Long, String> keys = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery("SELECT rowid, email FROM " + table
                    + " WHERE email_lower IS NOT NULL AND email GLOB '*[^ -~]*' ORDER BY rowid")) {
                while (rs.next()) {
                    keys.put(rs.getLong(1), EmailKey.of(rs.getString(2)));
                }
            }
            try (PreparedStatement update = statement.getConnection().prepareStatement(
                    "UPDATE OR IGNORE " + table + " SET email_lower = ? WHERE rowid = ?")) {
                for (Map.Entry<Long, String> key : keys.entrySet()) {
                    update.setString(1, key.getValue());
                    update.setLong(2, key.getKey());
                    update.executeUpdate();
                }
            }
        }
    }

    private static String resource(String path) {
        try (InputStream in = Schema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("schema script missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema script " + path, e);
        }
    }

    private static void rollback(Statement statement, Exception failure) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
