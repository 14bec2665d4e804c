package dev.licensing.cli;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who a {@code --db jdbc:postgresql:...} run connects as. Never a command-line option: a password there shows in
 * {@code ps}. The user is the URL's {@code user} parameter, else {@code PGUSER}; the password the URL's
 * {@code password}, else {@code PGPASSWORD}, else none: then pgjdbc itself looks in {@code ~/.pgpass} (or the file
 * {@code PGPASSFILE} names) for the host, port, database and user, as libpq does. pgjdbc reads neither
 * {@code PGUSER} nor {@code PGPASSWORD}, so they are read here.
 *
 * @param user     the user to pass the driver, or null when the URL names one or none is known
 * @param password the password to pass the driver, or null for the URL's or the password file's
 */
record PostgresCredentials(String user, String password) {

    static PostgresCredentials resolve(String jdbcUrl, Map<String, String> environment) {
        String user = hasParameter(jdbcUrl, "user") ? null : blankToNull(environment.get("PGUSER"));
        String password = hasParameter(jdbcUrl, "password") ? null : blankToNull(environment.get("PGPASSWORD"));
        return new PostgresCredentials(user, password);
    }

    private static boolean hasParameter(String jdbcUrl, String name) {
        int query = jdbcUrl.indexOf('?');
        return query >= 0 && Pattern.compile("(^|&)" + name + "=", Pattern.CASE_INSENSITIVE)
                .matcher(jdbcUrl.substring(query + 1)).find();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "PostgresCredentials[user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
