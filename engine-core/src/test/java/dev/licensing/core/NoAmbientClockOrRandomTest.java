package dev.licensing.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The clock and the random source are injected: no main source may reach for the system's own. */
class NoAmbientClockOrRandomTest {
    private static final List<String> FORBIDDEN = List.of(
            "Instant.now(", "System.currentTimeMillis(", "System.nanoTime(", "LocalDate.now(", "LocalDateTime.now(",
            "new SecureRandom(", "new Random(", "Clock.system", "ThreadLocalRandom", "Math.random(");

    @Test
    void mainSourcesNeverReadTheSystemClockNorMakeTheirOwnRandomSource() throws IOException {
        Path main = Path.of("src/main/java");
        assertThat(main).isDirectory();
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int n = 0; n < lines.size(); n++) {
                    for (String pattern : FORBIDDEN) {
                        if (lines.get(n).contains(pattern)) {
                            offences.add(file + ":" + (n + 1) + ": " + pattern);
                        }
                    }
                }
            }
        }
        assertThat(offences).isEmpty();
    }
}
