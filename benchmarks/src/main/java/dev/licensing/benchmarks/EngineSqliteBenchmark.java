package dev.licensing.benchmarks;

import dev.licensing.core.LicenseEngine;
import dev.licensing.store.sqlite.SqliteLicenseStore;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Order creation through the engine on the SQLite store, in orders per second, to read against
 * {@link RawJdbcFloorBenchmark} in the same run: {@code bulk}, 1,000 orders planned and written in one transaction (as
 * {@code licensing import} commits them), and {@code onePerTransaction}, 100 {@code createOrder} calls an invocation,
 * each its own transaction. The same {@code synchronous} settings as the floor. Requests are generated and decoded
 * outside the measured code ({@link DecodedRequests}, topped up before each invocation), so the unit is "create an
 * order from a request"; every iteration writes into a new database file in a new temporary directory, deleted after
 * it.
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar EngineSqliteBenchmark
 * </pre>
 * Only some parameters: {@code -p kind=KEYS_1 -p synchronous=NORMAL}. A smoke run: {@code java -jar
 * benchmarks/target/benchmarks.jar EngineSqliteBenchmark -f 1 -wi 1 -i 1 -w 1s -r 1s}. Temporary files go to
 * {@code java.io.tmpdir}; put it on the disk under test with {@code -jvmArgsAppend -Djava.io.tmpdir=DIR}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
// The engine has far more code to compile than the floor: its scores still rose after three warm-up iterations.
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 3)
public class EngineSqliteBenchmark {

    @Param({"KEYS_1", "KEYS_10", "USERS_1"})
    public OrderKind kind;

    @Param({"NORMAL", "FULL"})
    public SqliteOptions.Synchronous synchronous;

    private DecodedRequests requests;
    private Path directory;
    private SqliteLicenseStore store;
    private LicenseEngine engine;

    @Setup(Level.Trial)
    public void generator() {
        requests = new DecodedRequests(kind.options(1));
    }

    @Setup(Level.Iteration)
    public void createDatabase() throws IOException {
        directory = Files.createTempDirectory("engine-");
        store = SqliteLicenseStore.open(directory.resolve("licensing.db"),
                SqliteOptions.DEFAULTS.withSynchronous(synchronous));
        engine = OrderCreation.engine(store, requests.catalog().catalog());
    }

    @TearDown(Level.Iteration)
    public void deleteDatabase() throws IOException {
        store.close();
        TemporaryFiles.deleteTree(directory);
    }

    /** Tops the queue up to a bulk batch; a one-order invocation takes only a hundred of them. */
    @Setup(Level.Invocation)
    public void decodeRequests() {
        requests.topUp(OrderCreation.BULK);
    }

    @Benchmark
    @OperationsPerInvocation(OrderCreation.BULK)
    public int bulk() {
        return OrderCreation.bulk(engine, requests);
    }

    @Benchmark
    @OperationsPerInvocation(OrderCreation.SINGLES)
    public int onePerTransaction() {
        return OrderCreation.onePerTransaction(engine, requests);
    }
}
