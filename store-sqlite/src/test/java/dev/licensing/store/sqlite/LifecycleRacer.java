package dev.licensing.store.sqlite;

import dev.licensing.api.lifecycle.Activate;
import dev.licensing.api.lifecycle.Consume;
import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.api.lifecycle.LicenseRejectedException;
import dev.licensing.core.LicenseEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * A child process of {@link LifecycleProcessRaceTest}: writes its ready file, and once the go file appears activates its own device on the
 * license whose last slot the processes race for, then tries {@link #CONSUMPTIONS} single consumptions. Prints
 * {@code activated true|false} and {@code consumed N}.
 */
public final class LifecycleRacer {
    static final int CONSUMPTIONS = 5;

    private LifecycleRacer() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path go = Path.of(args[1]);
        String device = args[2];
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            LicenseEngine engine = LicenseEngine.builder(store).clock(Clock.systemUTC()).random(new SecureRandom())
                    .build();
            // Warm up the read path before the race, then say so: the parent starts every racer at once.
            engine.catalog(LifecycleProcessRaceTest.COMPANY);
            Files.writeString(Path.of(args[3]), "ready");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(go) && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            boolean activated;
            try {
                engine.activate(LifecycleProcessRaceTest.COMPANY,
                        new Activate(new LicenseRef.Key("APP", LifecycleProcessRaceTest.SLOT_KEY), device, null, false));
                activated = true;
            } catch (LicenseRejectedException e) {
                activated = false;
            }
            int consumed = 0;
            for (int i = 0; i < CONSUMPTIONS; i++) {
                try {
                    engine.consume(LifecycleProcessRaceTest.COMPANY, new Consume(
                            new LicenseRef.Key("APP", LifecycleProcessRaceTest.METER_KEY), "M", null, 1, null));
                    consumed++;
                } catch (LicenseRejectedException e) {
                    // Refused: the limit was reached by another process; the parent counts what landed.
                }
            }
            System.out.println("activated " + activated);
            System.out.println("consumed " + consumed);
        }
    }
}
