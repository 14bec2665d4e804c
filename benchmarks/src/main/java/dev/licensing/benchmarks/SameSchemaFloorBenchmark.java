package dev.licensing.benchmarks;

import dev.licensing.store.sqlite.SqliteOptions;
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
import org.openjdk.jmh.infra.BenchmarkParams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The same-schema floor ({@link SameSchemaFloorWriter}): plain JDBC writing exactly the rows store-sqlite writes for
 * the same generated orders as {@link EngineSqliteBenchmark}, in orders per second, with the same parameters, modes and
 * transaction sizes, to read the engine against in the same run. The rows are computed before the timer by the engine
 * on a shadow store ({@link SameSchemaFloorWriter#prepare}, an invocation-level setup), so only the replay is measured;
 * every iteration writes into new files in a new temporary directory, deleted after it.
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SameSchemaFloorBenchmark -p kind=KEYS_1 -p synchronous=NORMAL
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class SameSchemaFloorBenchmark {

    @Param({"KEYS_1", "KEYS_10", "USERS_1"})
    public OrderKind kind;

    @Param({"NORMAL", "FULL"})
    public SqliteOptions.Synchronous synchronous;

    private DecodedRequests requests;
    private Path directory;
    private SameSchemaFloorWriter writer;

    @Setup(Level.Trial)
    public void generator() {
        requests = new DecodedRequests(kind.options(1));
    }

    @Setup(Level.Iteration)
    public void createDatabases() throws Exception {
        directory = Files.createTempDirectory("same-schema-floor-");
        writer = SameSchemaFloorWriter.create(directory, synchronous, requests);
    }

    @TearDown(Level.Iteration)
    public void deleteDatabases() throws Exception {
        writer.close();
        TemporaryFiles.deleteTree(directory);
    }

    /** The rows of the next invocation's orders: one bulk transaction, or one transaction an order. */
    @Setup(Level.Invocation)
    public void computeRows(BenchmarkParams params) throws SQLException {
        if (params.getBenchmark().endsWith(".bulk")) {
            writer.prepare(OrderCreation.BULK, OrderCreation.BULK);
        } else {
            writer.prepare(OrderCreation.SINGLES, 1);
        }
    }

    @Benchmark
    @OperationsPerInvocation(OrderCreation.BULK)
    public int bulk() throws SQLException {
        return writer.writePrepared();
    }

    @Benchmark
    @OperationsPerInvocation(OrderCreation.SINGLES)
    public int onePerTransaction() throws SQLException {
        return writer.writePrepared();
    }
}
