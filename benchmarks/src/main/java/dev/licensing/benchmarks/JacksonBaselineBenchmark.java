package dev.licensing.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The yardstick for the engine's CPU cost per order: what it costs just to parse one generated Create Order request
 * into a Jackson tree and to write a response of the same order in the example response's shape
 * ({@link ResponseShapeWriter}), with no validation, no rules and no store. Microseconds per order; the engine's
 * benchmark on the memory store is read next to {@code parseAndWriteResponse} for the same parameters.
 *
 * <p>Orders: {@code licensesPerOrder} key-based licenses (about a third with given keys) or user-based licenses of one
 * to three users, with the generator's realistic mix of policies, overrides, features, custom fields and customers;
 * 1,024 distinct lines cycled so that no one line stays hot in the caches.
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar JacksonBaselineBenchmark
 * </pre>
 * A smoke run of a few seconds: {@code java -jar benchmarks/target/benchmarks.jar JacksonBaselineBenchmark -f 1 -wi 1
 * -i 1 -w 1s -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class JacksonBaselineBenchmark {

    static final int LINES = 1024;

    @Param({"1", "10"})
    public int licensesPerOrder;

    @Param({"license-key", "user"})
    public String authorization;

    private final ObjectMapper mapper = new ObjectMapper();
    private final ResponseShapeWriter responses = new ResponseShapeWriter();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    private String[] lines;
    private JsonNode[] parsed;
    private int next;

    @Setup(Level.Trial)
    public void generateOrders() throws IOException {
        lines = lines(licensesPerOrder, authorization);
        parsed = new JsonNode[LINES];
        for (int i = 0; i < LINES; i++) {
            parsed[i] = mapper.readTree(lines[i]);
        }
    }

    /** The {@link #LINES} lines of these parameters; {@link EngineCpuBenchmark} takes the same, to compare like for like. */
    static String[] lines(int licensesPerOrder, String authorization) {
        GeneratorOptions options = GeneratorOptions.defaults(1)
                .withExactLicenses(licensesPerOrder)
                .withUserShare("user".equals(authorization) ? 1.0 : 0.0);
        OrderGenerator generator = new OrderGenerator(options);
        String[] lines = new String[LINES];
        for (int i = 0; i < LINES; i++) {
            lines[i] = generator.nextLine();
        }
        return lines;
    }

    @Benchmark
    public JsonNode parse() throws IOException {
        return mapper.readTree(lines[advance()]);
    }

    @Benchmark
    public int writeResponse() throws IOException {
        out.reset();
        responses.write(parsed[advance()], out);
        return out.size();
    }

    @Benchmark
    public int parseAndWriteResponse() throws IOException {
        out.reset();
        responses.write(mapper.readTree(lines[advance()]), out);
        return out.size();
    }

    private int advance() {
        int at = next;
        next = (at + 1) & (LINES - 1);
        return at;
    }
}
