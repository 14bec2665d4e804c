package dev.licensing.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The schema's versions: script {@code /db/V<n>__<name>.sql} takes a file from version n-1 to n, and SQLite's
 * {@code user_version} says where a file stands. Opening applies the missing scripts in one write transaction, so a
 * file is at one version or the next, never half-way, and two processes opening one old file migrate it once.
 */
final class Schema {
    /** Every script, in version order: the n-th takes a file to version n. */
    static final List<String> SCRIPTS = List.of("V1__schema.sql", "V2__vip.sql");
    static final int LATEST = SCRIPTS.size();

    /** What a file at {@link #LATEST} must hold; each is touched on open so that a damaged file fails there. */
    private static final List<String> TABLES = List.of("companies", "id_sequence", "customers", "users", "orders",
            "order_items", "licenses", "products", "policies", "customer_accounts", "vip_catalog", "vip_coterms", "vip_orders",
            "vip_subscriptions", "vip_replays");

    private Schema() {
    }

    /** Brings the file to {@link #LATEST}, then checks that it is a store this code can use. */
    static void migrate(Connection connection, Failures failures) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                int version = userVersion(statement);
                if (version > LATEST) {
                    throw failures.invalid("it was written by a newer version of the store (schema version " + version
                            + "; this version reads up to " + LATEST + ")");
                }
                if (version == 0 && !tables(statement).isEmpty()) {
                    throw failures.invalid("it is a SQLite database of another application (it has tables but no "
                            + "licensing schema version)");
                }
                for (int next = version + 1; next <= LATEST; next++) {
                    for (String sql : statements(SCRIPTS.get(next - 1))) {
                        statement.execute(sql);
                    }
                }
                if (version < LATEST) {
                    statement.execute("PRAGMA user_version = " + LATEST);
                }
                check(statement, failures);
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollback(statement, e);
                throw e;
            }
        }
    }

    static int userVersion(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
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

    private static void check(Statement statement, Failures failures) throws SQLException {
        Set<String> present = tables(statement);
        for (String table : TABLES) {
            if (!present.contains(table)) {
                throw failures.invalid("it is not a licensing store: table " + table + " is missing");
            }
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
                rs.next();
            }
        }
    }

    /** The script's statements: split where a line ends with a semicolon. */
    private static List<String> statements(String script) {
        String text = resource("/db/" + script);
        List<String> statements = new ArrayList<>();
        for (String part : text.split(";\\s*(\\r?\\n|$)")) {
            if (!part.isBlank()) {
                statements.add(part.strip());
            }
        }
        return statements;
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
