package dev.licensing.benchmarks;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Writes an order file for {@code licensing import} (one LicenseSpring Create Order request a line) and the catalog
 * file it is written against. Streams: memory stays flat for any number of orders. The same arguments give
 * byte-identical files.
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.licensing.benchmarks.OrderFileGenerator \
 *     --orders 100000 --seed 1 --bad-share 0.01 --out orders.jsonl --catalog-out catalog.json
 * </pre>
 *
 * {@code --help} lists the options. Exit 0 on success, 2 when the arguments are wrong.
 */
@Command(name = "OrderFileGenerator", mixinStandardHelpOptions = true,
        description = "Writes an order file for licensing import and the catalog it is written against.")
public final class OrderFileGenerator implements Callable<Integer> {

    @Option(names = "--orders", required = true, paramLabel = "N", description = "How many order lines.")
    private long orders;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The order file (JSON lines).")
    private Path out;

    @Option(names = "--catalog-out", required = true, paramLabel = "FILE", description = "The catalog file.")
    private Path catalogOut;

    @Option(names = "--seed", defaultValue = "1", description = "Same seed and options: byte-identical files.")
    private long seed;

    @Option(names = "--bad-share", paramLabel = "0..1", description = "Share of bad lines (default: none).")
    private Double badShare;

    @Option(names = "--min-licenses", paramLabel = "N", description = "Fewest licenses an order (default 1).")
    private Integer minLicenses;

    @Option(names = "--max-licenses", paramLabel = "N", description = "Most licenses an order (default 10).")
    private Integer maxLicenses;

    @Option(names = "--licenses", paramLabel = "N", description = "Exactly N licenses an order.")
    private Integer licenses;

    @Option(names = "--user-share", paramLabel = "0..1", description = "Share of user-based orders (default 0.2).")
    private Double userShare;

    @Option(names = "--given-key-share", paramLabel = "0..1",
            description = "Share of key-based licenses with a key of their own (default 0.3).")
    private Double givenKeyShare;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        int exitCode = new CommandLine(new OrderFileGenerator()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    @Override
    public Integer call() throws IOException {
        GeneratorOptions options;
        try {
            if (orders < 0) {
                throw new IllegalArgumentException("--orders must not be negative");
            }
            options = options();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        long started = System.nanoTime();
        write(options, orders, out, catalogOut);
        double seconds = (System.nanoTime() - started) / 1e9;
        spec.commandLine().getErr().printf("wrote %d orders to %s and the catalog to %s in %.1f s%n", orders, out,
                catalogOut, seconds);
        return 0;
    }

    /** Writes {@code orders} lines to {@code out} and the catalog they use to {@code catalogOut}. */
    public static void write(GeneratorOptions options, long orders, Path out, Path catalogOut) throws IOException {
        OrderGenerator generator = new OrderGenerator(options);
        try (Writer writer = Files.newBufferedWriter(catalogOut, StandardCharsets.UTF_8)) {
            new CatalogFileWriter().write(generator.catalog().catalog(), writer);
        }
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            generator.writeLines(writer, orders);
        }
    }

    private GeneratorOptions options() {
        GeneratorOptions options = GeneratorOptions.defaults(seed);
        if (licenses != null && (minLicenses != null || maxLicenses != null)) {
            throw new IllegalArgumentException("--licenses excludes --min-licenses and --max-licenses");
        }
        int min = licenses != null ? licenses : minLicenses != null ? minLicenses : options.minLicenses();
        int max = licenses != null ? licenses : maxLicenses != null ? maxLicenses : options.maxLicenses();
        return options.withLicenses(min, max)
                .withBadShare(badShare != null ? badShare : options.badShare())
                .withUserShare(userShare != null ? userShare : options.userShare())
                .withGivenKeyShare(givenKeyShare != null ? givenKeyShare : options.givenKeyShare());
    }
}
