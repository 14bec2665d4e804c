package dev.licensing.benchmarks;

import dev.licensing.core.LicenseEngine;
import dev.licensing.store.postgresql.EmbeddedPostgresServer;
import dev.licensing.store.postgresql.PostgresLicenseStore;
import dev.licensing.store.postgresql.PostgresOptions;
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

import java.util.concurrent.TimeUnit;

/**
 * Order creation through the engine on the PostgreSQL store, as {@link EngineSqliteBenchmark} does on SQLite, to read
 * against {@link PostgresFloorBenchmark} in the same run: {@code bulk}, 1,000 orders planned and written in one
 * transaction, and {@code onePerTransaction}, 100 {@code createOrder} calls. Every iteration writes into a new, empty
 * schema of the embedded server.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EnginePostgresBenchmark -p kind=KEYS_1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 3)
public class EnginePostgresBenchmark {

    @Param({"KEYS_1", "KEYS_10", "USERS_1"})
    public OrderKind kind;

    private DecodedRequests requests;
    private PostgresLicenseStore store;
    private LicenseEngine engine;

    @Setup(Level.Trial)
    public void generator() {
        requests = new DecodedRequests(kind.options(1));
    }

    @Setup(Level.Iteration)
    public void createSchema() {
        store = PostgresLicenseStore.open(EmbeddedPostgresServer.shared().freshStoreUrl(), PostgresOptions.DEFAULTS);
        engine = OrderCreation.engine(store, requests.catalog().catalog());
    }

    @TearDown(Level.Iteration)
    public void close() {
        store.close();
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
