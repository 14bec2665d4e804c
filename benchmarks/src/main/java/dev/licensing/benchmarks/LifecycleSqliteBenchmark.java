package dev.licensing.benchmarks;

import dev.licensing.api.lifecycle.Activate;
import dev.licensing.api.lifecycle.Check;
import dev.licensing.api.lifecycle.Consume;
import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.api.lifecycle.LicenseStatus;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.wire.CatalogJson;
import dev.licensing.store.sqlite.SqliteLicenseStore;
import dev.licensing.store.sqlite.SqliteOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The license lifecycle on SQLite (design/lifecycle.md, issue 11 "Speed"), next to its floor in the same run:
 * {@code check} of an active license that is not floating (a read, nothing written) and {@code consume} of one unit
 * (one write transaction each: the counter, the event, the state), from one thread and from {@link #THREADS} threads on
 * one store; {@code floor}, one small {@code UPDATE} a transaction on a one-row table with the store's settings (WAL,
 * the same {@code synchronous}, {@code BEGIN IMMEDIATE}). The engine runs as in production: the system clock and
 * {@code SecureRandom}. Each trial gets a fresh database in a new temporary directory.
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar LifecycleSqliteBenchmark
 * </pre>
 * A smoke run: {@code java -jar benchmarks/target/benchmarks.jar LifecycleSqliteBenchmark -f 1 -wi 1 -i 1 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class LifecycleSqliteBenchmark {
    static final int THREADS = 4;
    private static final String COMPANY = "bench";
    private static final LicenseRef CHECKED = new LicenseRef.Key("APP", "CHECK-1");
    private static final LicenseRef METERED = new LicenseRef.Key("APP", "METER-1");
    private static final String DEVICE = "bench-device";

    @Param({"NORMAL", "FULL"})
    public SqliteOptions.Synchronous synchronous;

    private Path directory;
    private SqliteLicenseStore store;
    private LicenseEngine engine;
    private Connection floor;
    private PreparedStatement floorUpdate;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        directory = Files.createTempDirectory("lifecycle-");
        store = SqliteLicenseStore.open(directory.resolve("licensing.db"),
                SqliteOptions.DEFAULTS.withSynchronous(synchronous));
        engine = LicenseEngine.builder(store).clock(Clock.systemUTC()).random(new SecureRandom()).build();
        engine.replaceCatalog(COMPANY, new CatalogJson().read(
                "{\"products\": [{\"code\": \"APP\", \"authorization_method\": \"license-key\"}]}"));
        engine.createOrderJson(COMPANY, "{\"id\": \"bench\", \"items\": [{\"product_code\": \"APP\", \"licenses\": ["
                + "{\"key\": \"CHECK-1\"}, {\"key\": \"METER-1\", \"license_type\": \"consumption\", "
                + "\"allow_unlimited_consumptions\": true}]}]}");
        engine.activate(COMPANY, new Activate(CHECKED, DEVICE, null, false));
        engine.activate(COMPANY, new Activate(METERED, DEVICE, null, false));

        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(synchronous.name()));
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        floor = config.createConnection("jdbc:sqlite:" + directory.resolve("floor.db").toAbsolutePath());
        try (Statement statement = floor.createStatement()) {
            statement.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, total INTEGER NOT NULL)");
            statement.execute("INSERT INTO counter (id, total) VALUES (1, 0)");
        }
        floor.setAutoCommit(false);
        floorUpdate = floor.prepareStatement("UPDATE counter SET total = total + 1 WHERE id = 1");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException, SQLException {
        floor.close();
        store.close();
        TemporaryFiles.deleteTree(directory);
    }

    @Benchmark
    @Threads(1)
    public LicenseStatus check() {
        return engine.check(COMPANY, new Check(CHECKED, DEVICE, false));
    }

    @Benchmark
    @Threads(THREADS)
    public LicenseStatus checkThreads() {
        return engine.check(COMPANY, new Check(CHECKED, DEVICE, false));
    }

    @Benchmark
    @Threads(1)
    public LicenseStatus consume() {
        return engine.consume(COMPANY, new Consume(METERED, DEVICE, null, 1, null));
    }

    @Benchmark
    @Threads(THREADS)
    public LicenseStatus consumeThreads() {
        return engine.consume(COMPANY, new Consume(METERED, DEVICE, null, 1, null));
    }

    /** The floor of {@code consume}: one single-row UPDATE a write transaction, one thread (one connection). */
    @Benchmark
    @Threads(1)
    public int floor() throws SQLException {
        int updated = floorUpdate.executeUpdate();
        floor.commit();
        return updated;
    }
}
