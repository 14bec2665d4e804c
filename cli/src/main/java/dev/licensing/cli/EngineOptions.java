package dev.licensing.cli;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.wire.CatalogJson;
import dev.licensing.store.memory.MemoryLicenseStore;
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
        @Option(names = "--db", paramLabel = "PATH", description = "SQLite database file (default: ${DEFAULT-VALUE}).",
                defaultValue = "licensing.db")
        Path db = Path.of("licensing.db");

        @Option(names = "--memory", description = "Keep everything in memory, for this run only.")
        boolean memory;
    }

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

    /** Opens the store this command names; the caller closes it. */
    LicenseStore openStore() {
        if (store.memory) {
            return new MemoryLicenseStore();
        }
        return SqliteLicenseStore.open(store.db);
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
