package dev.licensing.benchmarks;

import dev.licensing.store.postgresql.EmbeddedPostgresServer;
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

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The floor on PostgreSQL: {@link FloorWriter}'s plain JDBC batches into a PostgreSQL server, in orders per second, to
 * read against {@link EnginePostgresBenchmark} in the same run. The server is the tests' embedded one (started by the
 * fork, {@code fsync=off}: the ratio, not the absolute figure, is what this measures); every iteration writes into a
 * new, empty schema.
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar "PostgresFloorBenchmark|EnginePostgresBenchmark"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class PostgresFloorBenchmark {

    @Param({"1", "10"})
    public int licensesPerOrder;

    private FloorWriter writer;

    @Setup(Level.Iteration)
    public void createSchema() throws SQLException {
        writer = FloorWriter.createOnPostgres(EmbeddedPostgresServer.shared().freshStoreUrl(), licensesPerOrder);
    }

    @TearDown(Level.Iteration)
    public void close() throws SQLException {
        writer.close();
    }

    @Benchmark
    @OperationsPerInvocation(RawJdbcFloorBenchmark.BULK)
    public void bulk() throws SQLException {
        writer.writeOrders(RawJdbcFloorBenchmark.BULK);
    }

    @Benchmark
    public void onePerTransaction() throws SQLException {
        writer.writeOrders(1);
    }
}
