package dev.licensing.benchmarks;

import dev.licensing.benchmarks.PerformanceSummary.Comparison;
import dev.licensing.benchmarks.PerformanceSummary.CpuRow;
import dev.licensing.benchmarks.PerformanceSummary.CreationRow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The summary's arithmetic on a small fixed JMH result file of round numbers. */
class PerformanceSummaryTest {

    private final PerformanceSummary summary = new PerformanceSummary(JmhScore.read(resource("/jmh-results.json")));

    PerformanceSummaryTest() throws IOException, URISyntaxException {
    }

    @Test
    void bulkOneLicenseOrdersAreHeldAgainstTheFloorsOrdersPerSecond() {
        Comparison c = engineRow("bulk", "KEYS_1").floor().orElseThrow();

        assertThat(c.measure()).isEqualTo("orders/s");
        assertThat(c.floor()).isEqualTo(20_000.0);
        assertThat(c.ratio()).isCloseTo(0.65, within(1e-9));
        assertThat(c.met()).contains(true);
    }

    @Test
    void bulkTenLicenseOrdersAreHeldAgainstTheFloorsLicensesPerSecond() {
        CreationRow row = engineRow("bulk", "KEYS_10");
        Comparison c = row.floor().orElseThrow();

        assertThat(row.licensesPerSecond()).isEqualTo(25_000.0);
        assertThat(c.measure()).isEqualTo("licenses/s");
        assertThat(c.engine()).isEqualTo(25_000.0);
        assertThat(c.floor()).isEqualTo(50_000.0);
        assertThat(c.ratio()).isCloseTo(0.5, within(1e-9));
        assertThat(c.met()).contains(false);
    }

    @Test
    void onePerTransactionIsHeldAgainstTheFloorsOnePerTransactionOfAsManyLicenses() {
        Comparison one = engineRow("onePerTransaction", "KEYS_1").floor().orElseThrow();
        Comparison ten = engineRow("onePerTransaction", "KEYS_10").floor().orElseThrow();

        assertThat(one.ratio()).isCloseTo(0.75, within(1e-9));
        assertThat(one.goal()).contains(0.80);
        assertThat(one.met()).contains(false);
        assertThat(ten.measure()).isEqualTo("orders/s");
        assertThat(ten.ratio()).isCloseTo(0.90, within(1e-9));
        assertThat(ten.met()).contains(true);
    }

    @Test
    void theEngineIsAlsoHeldAgainstTheSameSchemaFloorOfTheSameOrdersWithoutAGoal() {
        Comparison one = engineRow("bulk", "KEYS_1").sameSchema().orElseThrow();
        Comparison ten = engineRow("bulk", "KEYS_10").sameSchema().orElseThrow();

        assertThat(one.measure()).isEqualTo("orders/s");
        assertThat(one.ratio()).isCloseTo(0.8125, within(1e-9));
        assertThat(one.goal()).isEmpty();
        assertThat(ten.ratio()).isCloseTo(0.625, within(1e-9));
        assertThat(engineRow("onePerTransaction", "KEYS_1").sameSchema()).isEmpty();
    }

    @Test
    void userBasedOrdersAreComparedWithoutAGoal() {
        Comparison c = engineRow("bulk", "USERS_1").floor().orElseThrow();

        assertThat(c.ratio()).isCloseTo(0.5, within(1e-9));
        assertThat(c.goal()).isEmpty();
        assertThat(c.met()).isEmpty();
    }

    @Test
    void floorAndMemoryRowsCarryNoComparison() {
        List<CreationRow> rows = summary.creation();

        assertThat(rows).hasSize(12);
        assertThat(rows.get(0).store()).isEqualTo("raw JDBC (floor)");
        assertThat(rows.get(0).error()).isEqualTo(1000.0);
        assertThat(rows.get(4).store()).isEqualTo("raw JDBC (same-schema floor)");
        CreationRow memory = rows.get(11);
        assertThat(memory.store()).isEqualTo("memory");
        assertThat(memory.licensesPerSecond()).isEqualTo(80_000.0);
        assertThat(rows).filteredOn(r -> !r.store().equals("SQLite"))
                .allMatch(r -> r.floor().isEmpty() && r.sameSchema().isEmpty());
    }

    @Test
    void cpuRowsPairTheEngineWithJacksonOfTheSameParameters() {
        assertThat(summary.cpu()).containsExactly(
                new CpuRow(1, "license-key", 30.0, 12.0),
                new CpuRow(10, "license-key", 100.0, 60.0));
        assertThat(summary.cpu().get(0).ratio()).isCloseTo(2.5, within(1e-9));
        assertThat(summary.cpu().get(0).met()).isFalse();
        assertThat(summary.cpu().get(1).met()).isTrue();
    }

    @Test
    void theMarkdownTableShowsRatiosAndGoals() {
        String markdown = summary.markdown();

        assertThat(markdown)
                .contains("| raw JDBC (floor) | NORMAL | bulk | 1 key-based | 20,000 ± 5% | 20,000 |  |  |  |")
                .contains("| SQLite | NORMAL | bulk | KEYS_1 | 13,000 | 13,000 | 20,000 orders/s | 65% | ≥ 60%: met"
                        + " | 16,000 orders/s | 81% |")
                .contains("| SQLite | NORMAL | bulk | KEYS_10 | 2,500 | 25,000 | 50,000 licenses/s | 50% | ≥ 70%: missed"
                        + " | 4,000 orders/s | 63% |")
                .contains("| raw JDBC (same-schema floor) | NORMAL | bulk | KEYS_1 | 16,000 | 16,000 |  |  |  |  |  |")
                .contains("| SQLite | NORMAL | bulk | USERS_1 | 10,000 | 10,000 | 20,000 orders/s | 50%"
                        + " | none (the floor writes no users) |")
                .contains("| 1 license-key | 30.00 | 12.00 | 2.50× | ≤ 2×: missed |");
    }

    private CreationRow engineRow(String mode, String kind) {
        return summary.creation().stream()
                .filter(r -> r.store().equals("SQLite") && r.mode().equals(mode) && r.order().equals(kind))
                .findFirst().orElseThrow();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PerformanceSummaryTest.class.getResource(name).toURI());
    }
}
