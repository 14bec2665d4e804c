package dev.licensing.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One result of a JMH run's JSON file ({@code -rf json}): the benchmark as {@code Class.method}, its parameters and
 * its primary score.
 *
 * @param error the half-width of JMH's 99.9% confidence interval; NaN when the run had too few iterations for one
 */
record JmhScore(String benchmark, Map<String, String> params, double score, double error, String unit) {

    JmhScore {
        params = Map.copyOf(params);
    }

    /** Every result of the file; secondary results (a profiler's) are left out. */
    static List<JmhScore> read(Path file) throws IOException {
        JsonNode results = new ObjectMapper().readTree(file.toFile());
        List<JmhScore> scores = new ArrayList<>();
        for (JsonNode result : results) {
            String name = result.path("benchmark").asText();
            String[] parts = name.split("\\.");
            Map<String, String> params = new LinkedHashMap<>();
            result.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
            JsonNode primary = result.path("primaryMetric");
            scores.add(new JmhScore(parts[parts.length - 2] + "." + parts[parts.length - 1], params,
                    primary.path("score").asDouble(), number(primary.path("scoreError")),
                    primary.path("scoreUnit").asText()));
        }
        return scores;
    }

    String param(String name) {
        return params.get(name);
    }

    /** JMH writes a missing error as the string "NaN". */
    private static double number(JsonNode value) {
        return value.isNumber() ? value.asDouble() : Double.NaN;
    }
}
