package dev.licensing.store.postgresql;

/**
 * How {@link PostgresLicenseStore#open(String, PostgresOptions)} connects.
 *
 * @param user             the database user, or null for the URL's {@code user} parameter (or the driver's default)
 * @param password         the user's password, or null for the URL's (or none)
 * @param poolSize         how many connections serve transactions and reads at once (one more is kept for ids)
 * @param transientRetries how many times a transaction that failed for a transient reason (serialization failure,
 *                         deadlock, a connection lost before commit) is run again before the failure is thrown
 * @param upgradeSchema    whether an existing database at an older schema version is upgraded ({@code licensing
 *                         migrate}); an empty database is always given the schema
 */
public record PostgresOptions(String user, String password, int poolSize, int transientRetries,
                              boolean upgradeSchema) {

    /** No credentials beyond the URL's, 8 connections, 5 retries, schema created only in an empty database. */
    public static final PostgresOptions DEFAULTS = new PostgresOptions(null, null, 8, 5, false);

    public PostgresOptions {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
        if (transientRetries < 0) {
            throw new IllegalArgumentException("transientRetries must not be negative: " + transientRetries);
        }
    }

    public PostgresOptions withCredentials(String newUser, String newPassword) {
        return new PostgresOptions(newUser, newPassword, poolSize, transientRetries, upgradeSchema);
    }

    public PostgresOptions withPoolSize(int value) {
        return new PostgresOptions(user, password, value, transientRetries, upgradeSchema);
    }

    public PostgresOptions withTransientRetries(int value) {
        return new PostgresOptions(user, password, poolSize, value, upgradeSchema);
    }

    public PostgresOptions withUpgradeSchema(boolean value) {
        return new PostgresOptions(user, password, poolSize, transientRetries, value);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "PostgresOptions[user=" + user + ", password=" + (password == null ? "none" : "***") + ", poolSize="
                + poolSize + ", transientRetries=" + transientRetries + ", upgradeSchema=" + upgradeSchema + "]";
    }
}
