package dev.licensing.benchmarks;

import dev.licensing.api.lifecycle.Activate;
import dev.licensing.api.lifecycle.Check;
import dev.licensing.api.lifecycle.Consume;
import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.wire.CatalogJson;
import dev.licensing.store.sqlite.SqliteLicenseStore;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

/**
 * The CPU time of one {@code check}, one {@code consume} and one floor transaction (a single-row {@code UPDATE} and
 * its {@code COMMIT}, WAL, {@code synchronous=NORMAL}, {@code BEGIN IMMEDIATE}) on SQLite, measured with the calling
 * thread's CPU clock: unlike {@link LifecycleSqliteBenchmark}'s throughput it does not count the time the thread waits
 * for a core, so it reads the same on a machine shared with other work. SQLite runs inside the calling thread, so its
 * work is counted; with {@code synchronous=NORMAL} a commit does not wait for the disk. Prints one line a round;
 * the last rounds are warm.
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.licensing.benchmarks.LifecycleCpuCost
 * </pre>
 */
public final class LifecycleCpuCost {
    private static final int ROUNDS = 5;
    private static final int CHECKS = 20_000;
    private static final int CONSUMPTIONS = 5_000;
    private static final int FLOOR = 20_000;

    private LifecycleCpuCost() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        Path directory = Files.createTempDirectory("lifecycle-cpu-");
        try (SqliteLicenseStore store = SqliteLicenseStore.open(directory.resolve("licensing.db"));
             Connection floor = floor(directory.resolve("floor.db"))) {
            LicenseEngine engine = LicenseEngine.builder(store).clock(Clock.systemUTC()).random(new SecureRandom())
                    .build();
            engine.replaceCatalog("cpu", new CatalogJson().read(
                    "{\"products\": [{\"code\": \"APP\", \"authorization_method\": \"license-key\"}]}"));
            engine.createOrderJson("cpu", "{\"id\": \"cpu\", \"items\": [{\"product_code\": \"APP\", \"licenses\": ["
                    + "{\"key\": \"CHECK-1\"}, {\"key\": \"METER-1\", \"license_type\": \"consumption\", "
                    + "\"allow_unlimited_consumptions\": true}]}]}");
            LicenseRef checked = new LicenseRef.Key("APP", "CHECK-1");
            LicenseRef metered = new LicenseRef.Key("APP", "METER-1");
            engine.activate("cpu", new Activate(checked, "device", null, false));
            engine.activate("cpu", new Activate(metered, "device", null, false));
            PreparedStatement update = floor.prepareStatement("UPDATE counter SET total = total + 1 WHERE id = 1");
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            for (int round = 1; round <= ROUNDS; round++) {
                long start = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < CHECKS; i++) {
                    engine.check("cpu", new Check(checked, "device", false));
                }
                long checks = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < CONSUMPTIONS; i++) {
                    engine.consume("cpu", new Consume(metered, "device", null, 1, null));
                }
                long consumptions = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < FLOOR; i++) {
                    update.executeUpdate();
                    floor.commit();
                }
                long floors = cpu.getCurrentThreadCpuTime();
                System.out.printf("round %d: check %.1f µs, consume %.1f µs, floor %.1f µs of CPU an operation%n",
                        round, micros(checks - start, CHECKS), micros(consumptions - checks, CONSUMPTIONS),
                        micros(floors - consumptions, FLOOR));
            }
        } finally {
            TemporaryFiles.deleteTree(directory);
        }
    }

    private static Connection floor(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, total INTEGER NOT NULL)");
            statement.execute("INSERT INTO counter (id, total) VALUES (1, 0)");
        }
        connection.setAutoCommit(false);
        return connection;
    }

    private static double micros(long nanos, int operations) {
        return nanos / 1000.0 / operations;
    }
}
