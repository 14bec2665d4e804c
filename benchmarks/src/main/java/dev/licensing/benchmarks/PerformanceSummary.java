package dev.licensing.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table of README's "Performance" section, from one JMH run's JSON: the engine's orders and licenses a second on
 * SQLite and memory, each SQLite figure as a share of the two raw-JDBC floors measured in the same run (the minimal
 * floor, {@link RawJdbcFloorBenchmark}, and the same-schema floor, {@link SameSchemaFloorBenchmark}: the rows store-sqlite
 * writes for the same orders), and the engine's CPU cost per order against Jackson's parse-and-write cost of the same
 * orders. The goals hold against the minimal floor; the same-schema floor tells how much of the gap is the schema. The goals (issue 14): bulk import on SQLite at
 * least 60% of the floor in orders/s for 1-license orders and 70% in licenses/s for 10-license orders, one order a
 * transaction at least 80%, and the engine's CPU cost per order on memory at most twice Jackson's.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.licensing.benchmarks.PerformanceSummary results.json
 * </pre>
 */
public final class PerformanceSummary {

    static final double BULK_GOAL = 0.60;
    static final double BULK_MANY_LICENSES_GOAL = 0.70;
    static final double ONE_PER_TRANSACTION_GOAL = 0.80;
    static final double CPU_GOAL = 2.0;

    private static final String FLOOR = "RawJdbcFloorBenchmark";
    private static final String SAME_SCHEMA = "SameSchemaFloorBenchmark";
    private static final String SQLITE = "EngineSqliteBenchmark";
    private static final String MEMORY = "EngineMemoryBenchmark";
    private static final String[] MODES = {"bulk", "onePerTransaction"};

    private final List<JmhScore> scores;

    PerformanceSummary(List<JmhScore> scores) {
        this.scores = List.copyOf(scores);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: PerformanceSummary RESULTS.json (JMH's -rf json output)");
            System.exit(2);
        }
        System.out.print(new PerformanceSummary(JmhScore.read(Path.of(args[0]))).markdown());
    }

    /**
     * An engine's (or the floor's) throughput in one configuration.
     *
     * @param synchronous SQLite's setting; {@code "-"} on memory
     * @param floor       the same run's minimal floor figure it is held against; empty for the floors and for memory
     * @param sameSchema  the same run's same-schema floor figure for the same orders; empty but for the engine on
     *                    SQLite
     */
    record CreationRow(String store, String synchronous, String mode, String order, int licenses,
                       double ordersPerSecond, double error, Optional<Comparison> floor,
                       Optional<Comparison> sameSchema) {

        double licensesPerSecond() {
            return ordersPerSecond * licenses;
        }
    }

    /**
     * The engine against the floor in one measure.
     *
     * @param goal the least share the engine should reach; empty where none is set (user-based orders: the floor
     *             writes no users)
     */
    record Comparison(String measure, double engine, double floor, Optional<Double> goal) {

        double ratio() {
            return engine / floor;
        }

        Optional<Boolean> met() {
            return goal.map(g -> ratio() >= g);
        }
    }

    /** The engine's and Jackson's microseconds per order, for the same generated lines. */
    record CpuRow(int licensesPerOrder, String authorization, double engineMicros, double jacksonMicros) {

        double ratio() {
            return engineMicros / jacksonMicros;
        }

        boolean met() {
            return ratio() <= CPU_GOAL;
        }
    }

    /** The floor's rows, then the engine's on SQLite (held against the floor), then on memory. */
    List<CreationRow> creation() {
        List<CreationRow> rows = new ArrayList<>();
        for (JmhScore s : scores) {
            if (isMode(s, FLOOR)) {
                int licenses = Integer.parseInt(s.param("licensesPerOrder"));
                rows.add(new CreationRow("raw JDBC (floor)", s.param("synchronous"), mode(s),
                        licenses + " key-based", licenses, s.score(), s.error(), Optional.empty(),
                        Optional.empty()));
            }
        }
        for (JmhScore s : scores) {
            if (isMode(s, SAME_SCHEMA)) {
                OrderKind kind = OrderKind.valueOf(s.param("kind"));
                rows.add(new CreationRow("raw JDBC (same-schema floor)", s.param("synchronous"), mode(s), kind.name(),
                        kind.licenses(), s.score(), s.error(), Optional.empty(), Optional.empty()));
            }
        }
        for (JmhScore s : scores) {
            if (isMode(s, SQLITE)) {
                OrderKind kind = OrderKind.valueOf(s.param("kind"));
                rows.add(new CreationRow("SQLite", s.param("synchronous"), mode(s), kind.name(), kind.licenses(),
                        s.score(), s.error(), againstFloor(s, kind), againstSameSchema(s, kind)));
            }
        }
        for (JmhScore s : scores) {
            if (isMode(s, MEMORY)) {
                OrderKind kind = OrderKind.valueOf(s.param("kind"));
                rows.add(new CreationRow("memory", "-", mode(s), kind.name(), kind.licenses(), s.score(), s.error(),
                        Optional.empty(), Optional.empty()));
            }
        }
        return rows;
    }

    /** Every parameter set measured by both the engine's CPU benchmark and Jackson's parse-and-write. */
    List<CpuRow> cpu() {
        List<CpuRow> rows = new ArrayList<>();
        for (JmhScore engine : scores) {
            if (!engine.benchmark().equals("EngineCpuBenchmark.createOrderJsonAndWriteResult")) {
                continue;
            }
            scores.stream()
                    .filter(j -> j.benchmark().equals("JacksonBaselineBenchmark.parseAndWriteResponse")
                            && j.params().equals(engine.params()))
                    .findFirst()
                    .ifPresent(jackson -> rows.add(new CpuRow(Integer.parseInt(engine.param("licensesPerOrder")),
                            engine.param("authorization"), engine.score(), jackson.score())));
        }
        return rows;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| store | synchronous | mode | order | orders/s | licenses/s | floor, same run | engine / floor"
                + " | goal | same-schema floor, same run | engine / same-schema floor |\n");
        out.append("| --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |\n");
        for (CreationRow row : creation()) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %,.0f | %s | %s | %s | %s | %s |%n",
                    row.store(), row.synchronous(), row.mode(), row.order(),
                    withError(row.ordersPerSecond(), row.error()), row.licensesPerSecond(),
                    row.floor().map(PerformanceSummary::floorFigure).orElse(""),
                    row.floor().map(c -> percent(c.ratio())).orElse(""),
                    row.floor().map(PerformanceSummary::goal).orElse(""),
                    row.sameSchema().map(PerformanceSummary::floorFigure).orElse(""),
                    row.sameSchema().map(c -> percent(c.ratio())).orElse("")));
        }
        out.append('\n');
        out.append("| order | engine µs/order | Jackson µs/order | engine / Jackson | goal |\n");
        out.append("| --- | ---: | ---: | ---: | --- |\n");
        for (CpuRow row : cpu()) {
            out.append(String.format(Locale.ROOT, "| %d %s | %.2f | %.2f | %.2f× | ≤ %.0f×: %s |%n",
                    row.licensesPerOrder(), row.authorization(), row.engineMicros(), row.jacksonMicros(), row.ratio(),
                    CPU_GOAL, row.met() ? "met" : "missed"));
        }
        return out.toString();
    }

    /**
     * Bulk 1-license (and user-based) orders against the floor's bulk 1-license orders/s; bulk 10-license orders
     * against its licenses/s; one order a transaction against the floor's one order a transaction of as many licenses.
     */
    private Optional<Comparison> againstFloor(JmhScore engine, OrderKind kind) {
        boolean bulk = mode(engine).equals("bulk");
        Optional<Double> goal = kind == OrderKind.USERS_1
                ? Optional.empty()
                : Optional.of(!bulk ? ONE_PER_TRANSACTION_GOAL
                        : kind.licenses() > 1 ? BULK_MANY_LICENSES_GOAL : BULK_GOAL);
        return scores.stream()
                .filter(f -> f.benchmark().equals(FLOOR + "." + mode(engine))
                        && f.param("synchronous").equals(engine.param("synchronous"))
                        && f.param("licensesPerOrder").equals(Integer.toString(kind.licenses())))
                .findFirst()
                .map(floor -> bulk && kind.licenses() > 1
                        ? new Comparison("licenses/s", engine.score() * kind.licenses(),
                        floor.score() * kind.licenses(), goal)
                        : new Comparison("orders/s", engine.score(), floor.score(), goal));
    }

    /**
     * The engine against the same-schema floor of the same kind, mode and {@code synchronous}: the same orders, so
     * orders/s for every kind; no goal.
     */
    private Optional<Comparison> againstSameSchema(JmhScore engine, OrderKind kind) {
        return scores.stream()
                .filter(f -> f.benchmark().equals(SAME_SCHEMA + "." + mode(engine))
                        && f.param("synchronous").equals(engine.param("synchronous"))
                        && f.param("kind").equals(kind.name()))
                .findFirst()
                .map(floor -> new Comparison("orders/s", engine.score(), floor.score(), Optional.empty()));
    }

    private static String floorFigure(Comparison comparison) {
        return String.format(Locale.ROOT, "%,.0f %s", comparison.floor(), comparison.measure());
    }

    private static boolean isMode(JmhScore score, String benchmarkClass) {
        for (String mode : MODES) {
            if (score.benchmark().equals(benchmarkClass + "." + mode)) {
                return true;
            }
        }
        return false;
    }

    private static String mode(JmhScore score) {
        return score.benchmark().substring(score.benchmark().indexOf('.') + 1);
    }

    private static String goal(Comparison comparison) {
        return comparison.met()
                .map(met -> "≥ " + percent(comparison.goal().orElseThrow()) + ": " + (met ? "met" : "missed"))
                .orElse("none (the floor writes no users)");
    }

    private static String withError(double value, double error) {
        String text = String.format(Locale.ROOT, "%,.0f", value);
        return Double.isNaN(error) ? text : text + String.format(Locale.ROOT, " ± %.0f%%", 100 * error / value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
