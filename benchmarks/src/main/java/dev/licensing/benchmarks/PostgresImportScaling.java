package dev.licensing.benchmarks;

import dev.licensing.core.LicenseEngine;
import dev.licensing.core.importing.ImportOptions;
import dev.licensing.core.importing.ImportSummary;
import dev.licensing.core.wire.CatalogJson;
import dev.licensing.store.postgresql.EmbeddedPostgresServer;
import dev.licensing.store.postgresql.PostgresLicenseStore;
import dev.licensing.store.postgresql.PostgresOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Bulk import with 1, 2 and 4 engine processes on one PostgreSQL database: one generated file of 1-license key-based
 * orders, split into as many disjoint slices as processes, each slice imported by a child JVM
 * ({@link #importSlice}); orders a second over the time from the first process's start of import to the last one's
 * end (JVM start-up excluded), each against the one-process figure. The embedded server of the tests serves
 * ({@code fsync=off}); a fresh schema for every run.
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.licensing.benchmarks.PostgresImportScaling [ORDERS]
 * </pre>
 */
public final class PostgresImportScaling {
    private static final String COMPANY = OrderCreation.COMPANY;

    private PostgresImportScaling() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3) {
            importSlice(args[0], Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        long orders = args.length > 0 ? Long.parseLong(args[0]) : 40_000;
        Path directory = Files.createTempDirectory("import-scaling-");
        Path file = directory.resolve("orders.jsonl");
        Path catalog = directory.resolve("catalog.json");
        OrderFileGenerator.write(GeneratorOptions.defaults(3).withExactLicenses(1).withUserShare(0), orders, file,
                catalog);
        List<String> lines = Files.readAllLines(file);
        System.out.printf("%d orders, %d cores%n", lines.size(), Runtime.getRuntime().availableProcessors());
        double single = 0;
        for (int processes : new int[] {1, 2, 4}) {
            long rollbacksBefore = transactions("xact_rollback");
            long commitsBefore = transactions("xact_commit");
            double rate = run(lines, catalog, processes, directory);
            if (processes == 1) {
                single = rate;
            }
            System.out.printf("%d process(es): %,.0f orders/s, %.2f x one process; transactions: %d committed, %d "
                    + "rolled back%n", processes, rate, rate / single, transactions("xact_commit") - commitsBefore,
                    transactions("xact_rollback") - rollbacksBefore);
        }
        TemporaryFiles.deleteTree(directory);
    }

    /** Transactions the server committed or rolled back so far: races lost (and retried) show here. */
    private static long transactions(String column) throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedPostgresServer.shared().jdbcUrl("postgres"));
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT sum(" + column + ") FROM pg_stat_database")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double run(List<String> lines, Path catalog, int processes, Path directory) throws Exception {
        String url = EmbeddedPostgresServer.shared().freshStoreUrl();
        try (PostgresLicenseStore store = PostgresLicenseStore.open(url, PostgresOptions.DEFAULTS)) {
            LicenseEngine.builder(store).clock(Clock.systemUTC()).random(new SecureRandom()).build()
                    .replaceCatalog(COMPANY, new CatalogJson().read(Files.readString(catalog)));
        }
        List<Process> children = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        int slice = (lines.size() + processes - 1) / processes;
        for (int p = 0; p < processes; p++) {
            Path file = directory.resolve("slice-" + processes + "-" + p + ".jsonl");
            Files.write(file, lines.subList(p * slice, Math.min(lines.size(), (p + 1) * slice)));
            Path out = directory.resolve("slice-" + processes + "-" + p + ".out");
            outputs.add(out);
            children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-cp", System.getProperty("java.class.path"), PostgresImportScaling.class.getName(),
                    url, file.toString(), String.valueOf(2))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start());
        }
        long created = 0;
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (int p = 0; p < processes; p++) {
            if (!children.get(p).waitFor(30, TimeUnit.MINUTES) || children.get(p).exitValue() != 0) {
                throw new IllegalStateException("import process failed: " + Files.readString(outputs.get(p)));
            }
            String[] figures = Files.readString(outputs.get(p)).strip().split(" ");
            created += Long.parseLong(figures[0]);
            start = Math.min(start, Long.parseLong(figures[1]));
            end = Math.max(end, Long.parseLong(figures[2]));
        }
        if (created != lines.size()) {
            throw new IllegalStateException("created " + created + " of " + lines.size() + " orders");
        }
        return created * 1000.0 / (end - start);
    }

    /** The child: imports one slice, then prints "created startMillis endMillis". */
    private static void importSlice(String url, Path file, int poolSize) throws IOException {
        try (PostgresLicenseStore store = PostgresLicenseStore.open(url, PostgresOptions.DEFAULTS
                .withPoolSize(poolSize));
             BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LicenseEngine engine = LicenseEngine.builder(store).clock(Clock.systemUTC()).random(new SecureRandom())
                    .build();
            engine.catalog(COMPANY);
            long start = System.currentTimeMillis();
            ImportSummary summary = engine.importOrders(COMPANY, reader.lines().iterator(), ImportOptions.defaults(),
                    outcome -> { });
            long end = System.currentTimeMillis();
            System.out.println(summary.created() + " " + start + " " + end);
        }
    }
}
