package dev.licensing.cli;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.wire.CatalogJson;
import dev.licensing.store.memory.MemoryLicenseStore;
import dev.licensing.store.postgresql.PostgresLicenseStore;
import dev.licensing.store.postgresql.PostgresOptions;
import dev.licensing.store.sqlite.SqliteLicenseStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The options every command takes: where the data lives, the catalog, the company, the clock and the seed. */
final class EngineOptions {

    @ArgGroup(exclusive = true)
    private StoreChoice store = new StoreChoice();

    static final class StoreChoice {
        @Option(names = "--db", paramLabel = "PATH|URL", defaultValue = "licensing.db",
                description = "SQLite database file (default: ${DEFAULT-VALUE}), or a PostgreSQL database "
                        + "jdbc:postgresql://HOST:PORT/DB (user and password from the URL's user parameter, "
                        + "PGUSER and PGPASSWORD, or ~/.pgpass).")
        String db = "licensing.db";

        @Option(names = "--memory", description = "Keep everything in memory, for this run only.")
        boolean memory;
    }

    @Option(names = "--pool-size", paramLabel = "N", defaultValue = "8",
            description = "PostgreSQL: connections this process keeps (default: ${DEFAULT-VALUE}).")
    int poolSize;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Load this catalog file first (it replaces the company's catalog).")
    Path catalog;

    @Option(names = "--company", paramLabel = "NAME", defaultValue = "default",
            description = "The company (tenant) to work in (default: ${DEFAULT-VALUE}).")
    String company;

    @Option(names = "--now", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Fix the clock at this ISO-8601 instant (e.g. 2025-01-31T10:00:00Z).")
    Instant now;

    @Option(names = "--seed", paramLabel = "LONG",
            description = "Fix key, id and password generation, for reproducible output.")
    Long seed;

    private static final String POSTGRESQL = "jdbc:postgresql:";

    /** Opens the store this command names, creating the schema of an empty PostgreSQL database; the caller closes it. */
    LicenseStore openStore() {
        if (store.memory) {
            return new MemoryLicenseStore();
        }
        if (postgresql()) {
            return PostgresLicenseStore.open(store.db, postgresOptions());
        }
        return SqliteLicenseStore.open(Path.of(store.db));
    }

    /** Whether {@code --db} names a PostgreSQL database. */
    boolean postgresql() {
        return !store.memory && store.db.startsWith(POSTGRESQL);
    }

    /** The database {@code --db} names, as given. */
    String database() {
        return store.memory ? "memory" : store.db;
    }

    /** How to connect to the PostgreSQL database of {@code --db}. */
    PostgresOptions postgresOptions() {
        if (poolSize < 1) {
            throw new UsageException("--pool-size must be at least 1: " + poolSize, null);
        }
        PostgresCredentials credentials = PostgresCredentials.resolve(store.db, System.getenv());
        return PostgresOptions.DEFAULTS.withPoolSize(poolSize)
                .withCredentials(credentials.user(), credentials.password());
    }

    /** An engine on {@code store}, with the catalog file (if any) loaded into the company first. */
    LicenseEngine engine(LicenseStore store, boolean ignoreUnknownFields) {
        LicenseEngine engine = LicenseEngine.builder(store)
                .clock(now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC))
                .random(randomSource())
                // Import summaries measure real time, also when --now fixes the clock.
                .ticker(System::nanoTime)
                .ignoreUnknownFields(ignoreUnknownFields)
                .build();
        if (catalog != null) {
            engine.replaceCatalog(company, readCatalog());
        }
        return engine;
    }

    private Catalog readCatalog() {
        return new CatalogJson().read(readFile(catalog));
    }

    /** A seeded SHA1PRNG is deterministic for a given seed; without a seed the platform's strong default serves. */
    private SecureRandom randomSource() {
        if (seed == null) {
            return new SecureRandom();
        }
        try {
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(seed);
            return seeded;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA1PRNG", e);
        }
    }

    static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + IoReason.of(e), e);
        }
    }
}
