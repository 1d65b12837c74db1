#!/usr/bin/env bash
# Builds the benchmark jar and runs the engine benchmark on one core with a fixed heap.
#
#   benchmarks/run.sh                             # all queries, 10M bids, markdown on stdout
#   benchmarks/run.sh --out docs/benchmarks.md    # refresh the generated section of the doc
#   benchmarks/run.sh --queries q-sliding --runs 3
#
# Environment: BENCH_CPU (core to pin to, default 1, or 0 on a one-core machine), BENCH_JVM_OPTS (default
# "-Xms2g -Xmx2g -XX:+UseSerialGC"), SKIP_BUILD=1 to reuse benchmarks/target/weir-benchmarks.jar.
# Options of the harness: --help, or see dev.weir.bench.BenchmarkOptions.
set -euo pipefail
cd "$(dirname "$0")/.."

source benchmarks/build-jar.sh

jvm_opts=(${BENCH_JVM_OPTS:--Xms2g -Xmx2g -XX:+UseSerialGC})
source benchmarks/pin-cpu.sh

exec "${pin[@]}" java "${jvm_opts[@]}" -cp benchmarks/target/weir-benchmarks.jar dev.weir.bench.EngineBenchmark "$@"
