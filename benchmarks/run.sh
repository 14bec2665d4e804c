#!/usr/bin/env bash
# The whole performance comparison in ONE JMH run, so that every ratio compares figures of the same machine state:
# the raw-JDBC floors (the minimal one, and the same-schema one: store-sqlite's rows for the same orders), the engine
# on SQLite and on memory (bulk and one order a transaction), the engine's CPU cost per order and Jackson's
# parse-and-write cost of the same orders. Writes JMH's JSON result and prints README's table.
#
#   benchmarks/run.sh                      # the documented run: 2 forks, 6 warmup and 5 measured iterations of 2 s
#   FORKS=1 ITERATIONS=3 benchmarks/run.sh # shorter, for a busy machine (say so next to its figures)
#   benchmarks/run.sh -p synchronous=NORMAL   # extra arguments go to JMH
#
# 46 benchmarks; the documented run takes about 40 minutes on 2 cores. Six warm-up iterations, because the engine's
# scores were still rising after three (README, "Performance"). Each benchmark's fork gets the floor's
# -Xms2g -Xmx2g -XX:+AlwaysPreTouch (from its @Fork); SQLite files go to java.io.tmpdir, fresh for every iteration.
# Maven options (e.g. -o) can be given in MAVEN_ARGS.
set -euo pipefail

cd "$(dirname "$0")/.."
FORKS=${FORKS:-2}
WARMUP=${WARMUP:-6}
ITERATIONS=${ITERATIONS:-5}
TIME=${TIME:-2s}
RESULTS=${RESULTS:-benchmarks/target/results.json}
BENCHMARKS='RawJdbcFloorBenchmark|SameSchemaFloorBenchmark|EngineSqliteBenchmark|EngineMemoryBenchmark|EngineCpuBenchmark|JacksonBaselineBenchmark.parseAndWriteResponse'

./mvnw -B -q -pl benchmarks -am package -DskipTests
java -jar benchmarks/target/benchmarks.jar "$BENCHMARKS" \
    -f "$FORKS" -wi "$WARMUP" -w "$TIME" -i "$ITERATIONS" -r "$TIME" \
    -rf json -rff "$RESULTS" "$@"
java -cp benchmarks/target/benchmarks.jar dev.licensing.benchmarks.PerformanceSummary "$RESULTS"
