package dev.licensing.store.sqlite;

import dev.licensing.api.lifecycle.Activate;
import dev.licensing.api.lifecycle.Check;
import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.api.lifecycle.LicenseStatus;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.wire.CatalogJson;
import dev.licensing.testkit.LifecycleConformanceSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Separate processes on one SQLite file race for a license's last activation slot and for a consumption limit:
 * BEGIN IMMEDIATE serializes their decisions, so exactly one activation wins and exactly the consumptions that fit land.
 */
class LifecycleProcessRaceTest {
    static final String COMPANY = "acme";
    static final String SLOT_KEY = "SLOT-1";
    static final String METER_KEY = "METER-1";
    private static final int PROCESSES = 3;
    private static final int LIMIT = 7;

    @TempDir
    Path dir;

    @Test
    void processesRacingForTheLastSlotAndTheLastConsumptionsNeverOverbook() throws Exception {
        Path file = dir.resolve("race.db");
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            LicenseEngine engine = engine(store);
            engine.replaceCatalog(COMPANY, new CatalogJson().read(LifecycleConformanceSuite.CATALOG));
            engine.createOrderJson(COMPANY, "{\"id\": \"o-1\", \"items\": [{\"product_code\": \"APP\", \"licenses\": ["
                    + "{\"key\": \"" + SLOT_KEY + "\", \"max_activations\": 2}, "
                    + "{\"key\": \"" + METER_KEY + "\", \"license_type\": \"consumption\", \"max_consumptions\": "
                    + LIMIT + "}]}]}");
            engine.activate(COMPANY, new Activate(new LicenseRef.Key("APP", SLOT_KEY), "first", null, false));
            engine.activate(COMPANY, new Activate(new LicenseRef.Key("APP", METER_KEY), "M", null, false));
        }
        Path go = dir.resolve("go");
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        List<Path> ready = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            Path out = dir.resolve("racer-" + i + ".out");
            outputs.add(out);
            ready.add(dir.resolve("racer-" + i + ".ready"));
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LifecycleRacer.class.getName(), file.toString(),
                    go.toString(), "racer-" + i,
                    ready.get(i).toString()).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ready.stream().allMatch(Files::exists) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Files.writeString(go, "go");
        int winners = 0;
        int consumed = 0;
        for (int i = 0; i < PROCESSES; i++) {
            Process process = processes.get(i);
            try {
                assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("racer %s finished", i).isTrue();
                assertThat(process.exitValue()).as("racer %s exit code", i).isZero();
            } finally {
                process.destroyForcibly();
            }
            List<String> lines = read(outputs.get(i));
            winners += lines.contains("activated true") ? 1 : 0;
            consumed += Integer.parseInt(lines.stream().filter(l -> l.startsWith("consumed ")).findFirst()
                    .orElseThrow().substring("consumed ".length()));
        }
        assertThat(winners).as("exactly one process got the last slot").isEqualTo(1);
        assertThat(consumed).as("exactly the consumptions that fit landed").isEqualTo(LIMIT);
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            LicenseEngine engine = engine(store);
            LicenseStatus slot = engine.check(COMPANY, new Check(new LicenseRef.Key("APP", SLOT_KEY), "first", false));
            assertThat(slot.timesActivated()).isEqualTo(2);
            LicenseStatus meter = engine.check(COMPANY, new Check(new LicenseRef.Key("APP", METER_KEY), "M", false));
            assertThat(meter.consumption().totalConsumptions()).isEqualTo(LIMIT);
        }
    }

    private static LicenseEngine engine(SqliteLicenseStore store) {
        return LicenseEngine.builder(store).clock(Clock.systemUTC()).random(new Random(1)).build();
    }

    private static List<String> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
