package dev.licensing.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The floor (PERFORMANCE.md): orders written to SQLite with plain JDBC batches and no engine ({@link FloorWriter}), in
 * orders per second, so that the engine's SQLite benchmarks, which count orders too, read directly against it. Modes:
 * {@code bulk}, 1,000 orders a transaction (as {@code licensing import} commits them), and
 * {@code onePerTransaction}. Each iteration writes into a new database file in a new temporary directory, deleted
 * after it: the database grows during an iteration as in a real import, and never carries over.
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar RawJdbcFloorBenchmark
 * </pre>
 * Only some parameters: {@code -p licensesPerOrder=10 -p synchronous=NORMAL}. A smoke run of a few seconds:
 * {@code java -jar benchmarks/target/benchmarks.jar RawJdbcFloorBenchmark -f 1 -wi 1 -i 1 -w 1s -r 1s}.
 * Temporary files go to {@code java.io.tmpdir}; put it on the disk under test with
 * {@code -jvmArgsAppend -Djava.io.tmpdir=DIR}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class RawJdbcFloorBenchmark {

    /** Orders a transaction in bulk mode: the default batch size of {@code licensing import}. */
    static final int BULK = 1000;

    @Param({"1", "10"})
    public int licensesPerOrder;

    @Param({"NORMAL", "FULL"})
    public FloorWriter.Synchronous synchronous;

    private Path directory;
    private FloorWriter writer;

    @Setup(Level.Iteration)
    public void createDatabase() throws IOException, SQLException {
        directory = Files.createTempDirectory("floor-");
        writer = FloorWriter.create(directory.resolve("floor.db"), synchronous, licensesPerOrder);
    }

    @TearDown(Level.Iteration)
    public void deleteDatabase() throws IOException, SQLException {
        writer.close();
        TemporaryFiles.deleteTree(directory);
    }

    @Benchmark
    @OperationsPerInvocation(BULK)
    public void bulk() throws SQLException {
        writer.writeOrders(BULK);
    }

    @Benchmark
    public void onePerTransaction() throws SQLException {
        writer.writeOrders(1);
    }
}
