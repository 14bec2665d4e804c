package dev.licensing.benchmarks;

import dev.licensing.api.model.OrderResult;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.wire.LicenseSpringJson;
import dev.licensing.store.memory.MemoryLicenseStore;
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
 * The engine's own CPU cost per order, read next to {@link JacksonBaselineBenchmark#parseAndWriteResponse} for the same
 * parameters: a request line in, {@code createOrderJson} (decode, validate, plan, write) on the memory store, the
 * response written with {@code writeResult}. The same 1,024 lines as the yardstick ({@link
 * JacksonBaselineBenchmark#lines}). An invocation creates all of them on a new, empty store, made before it and not
 * measured (the lines' order ids could not be created twice in one store); microseconds per order.
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar "EngineCpuBenchmark|JacksonBaselineBenchmark.parseAndWriteResponse"
 * </pre>
 * A smoke run: {@code java -jar benchmarks/target/benchmarks.jar EngineCpuBenchmark -f 1 -wi 1 -i 1 -w 1s -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineCpuBenchmark {

    private static final int LINES = JacksonBaselineBenchmark.LINES;

    @Param({"1", "10"})
    public int licensesPerOrder;

    @Param({"license-key", "user"})
    public String authorization;

    private final LicenseSpringJson json = new LicenseSpringJson(false);
    private String[] lines;
    private GeneratedCatalog catalog;
    private MemoryLicenseStore store;
    private LicenseEngine engine;

    @Setup(Level.Trial)
    public void generateOrders() {
        lines = JacksonBaselineBenchmark.lines(licensesPerOrder, authorization);
        catalog = GeneratedCatalog.generate(1);
    }

    @Setup(Level.Invocation)
    public void createStore() {
        store = new MemoryLicenseStore();
        engine = OrderCreation.engine(store, catalog.catalog());
    }

    @TearDown(Level.Invocation)
    public void closeStore() {
        store.close();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long createOrderJsonAndWriteResult() {
        long chars = 0;
        for (String line : lines) {
            OrderResult result = engine.createOrderJson(OrderCreation.COMPANY, line);
            chars += json.writeResult(result, false).length();
        }
        return chars;
    }
}
