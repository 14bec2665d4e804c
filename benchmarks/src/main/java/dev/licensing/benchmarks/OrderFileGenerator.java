package dev.licensing.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

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
 * Options: {@code --orders N} (required), {@code --out FILE} (required), {@code --catalog-out FILE} (required),
 * {@code --seed LONG} (1), {@code --bad-share 0..1} (0), {@code --min-licenses N} (1), {@code --max-licenses N} (10),
 * {@code --licenses N} (exactly N an order), {@code --user-share 0..1} (0.2), {@code --given-key-share 0..1} (0.3).
 * Exit 0 on success, 2 when the arguments are wrong.
 */
public final class OrderFileGenerator {

    private static final Set<String> OPTIONS = Set.of("--orders", "--out", "--catalog-out", "--seed", "--bad-share",
            "--min-licenses", "--max-licenses", "--licenses", "--user-share", "--given-key-share");

    private OrderFileGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> values;
        GeneratorOptions options;
        long orders;
        Path out;
        Path catalogOut;
        try {
            values = parse(args);
            orders = Long.parseLong(required(values, "--orders"));
            if (orders < 0) {
                throw new IllegalArgumentException("--orders must not be negative");
            }
            out = Path.of(required(values, "--out"));
            catalogOut = Path.of(required(values, "--catalog-out"));
            options = options(values);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: OrderFileGenerator --orders N --out FILE --catalog-out FILE [--seed LONG]"
                    + " [--bad-share 0..1] [--min-licenses N] [--max-licenses N | --licenses N]"
                    + " [--user-share 0..1] [--given-key-share 0..1]");
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        write(options, orders, out, catalogOut);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("wrote %d orders to %s and the catalog to %s in %.1f s%n", orders, out, catalogOut, seconds);
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

    private static GeneratorOptions options(Map<String, String> values) {
        GeneratorOptions options = GeneratorOptions.defaults(Long.parseLong(values.getOrDefault("--seed", "1")));
        if (values.containsKey("--licenses")
                && (values.containsKey("--min-licenses") || values.containsKey("--max-licenses"))) {
            throw new IllegalArgumentException("--licenses excludes --min-licenses and --max-licenses");
        }
        int min = Integer.parseInt(values.getOrDefault("--min-licenses", values.getOrDefault("--licenses",
                Integer.toString(options.minLicenses()))));
        int max = Integer.parseInt(values.getOrDefault("--max-licenses", values.getOrDefault("--licenses",
                Integer.toString(options.maxLicenses()))));
        return options.withLicenses(min, max)
                .withBadShare(share(values, "--bad-share", options.badShare()))
                .withUserShare(share(values, "--user-share", options.userShare()))
                .withGivenKeyShare(share(values, "--given-key-share", options.givenKeyShare()));
    }

    private static double share(Map<String, String> values, String name, double fallback) {
        String value = values.get(name);
        return value == null ? fallback : Double.parseDouble(value);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            if (values.put(args[i], args[i + 1]) != null) {
                throw new IllegalArgumentException(args[i] + " given twice");
            }
        }
        return values;
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
