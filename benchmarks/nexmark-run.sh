#!/usr/bin/env bash
# Builds the benchmark jar and runs the Nexmark queries on Weir and Flink in-process, pinned to one core, each
# engine and query in fresh JVMs (dev.weir.bench.nexmark.NexmarkBenchmark).
#
#   benchmarks/nexmark-run.sh --out docs/benchmarks.md --csv benchmarks/results/nexmark.csv   # the documented run
#   benchmarks/nexmark-run.sh --events 1M --rounds 1 --queries q5,q7                        # quick look, stdout
#   benchmarks/nexmark-run.sh kafka --out docs/benchmarks.md --csv benchmarks/results/nexmark.csv
#       # Kafka mode (dev.weir.bench.nexmark.kafka.NexmarkKafkaBenchmark): starts the broker with dev/kafka.sh
#       # unless WEIR_KAFKA_BOOTSTRAP names one, runs unpinned (the broker shares the machine), -Xms2g -Xmx2g
#   benchmarks/nexmark-run.sh kafka --latency-only --queries q4,q5,q7,q8 --latency-rate q5=5800,q8=50k --latency-seconds 6
#       # Kafka mode, latency runs only (no input load, no throughput runs, no CSV rows), Markdown to stdout
#
# Environment: BENCH_CPU (core to pin to, default 1, or 0 on a one-core machine), NEXMARK_JVM_OPTS (default
# "-Xms2g -Xmx2g -XX:+UseSerialGC", given to every forked JVM), SKIP_BUILD=1 to reuse
# benchmarks/target/weir-benchmarks.jar. The commit measured is passed as --commit (with -dirty for local edits).
set -euo pipefail
cd "$(dirname "$0")/.."

source benchmarks/build-jar.sh

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if ! git diff --quiet HEAD -- . ':(exclude)docs/benchmarks.md' ':(exclude)benchmarks/results' 2>/dev/null; then
  commit="$commit-dirty"
fi

if [[ "${1:-}" == kafka ]]; then
  shift
  if [[ -z "${WEIR_KAFKA_BOOTSTRAP:-}" ]]; then
    dev/kafka.sh start >&2
  fi
  # Flink runs in this JVM in Kafka mode: the --add-opens of Flink's Java 17 defaults
  flink_opens=()
  for p in java.lang java.net java.io java.nio sun.nio.ch java.lang.reflect java.text java.time java.util \
           java.util.concurrent java.util.concurrent.atomic java.util.concurrent.locks; do
    flink_opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
  done
  exec java ${NEXMARK_KAFKA_JVM_OPTS:--Xms2g -Xmx2g} "${flink_opens[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
    -cp benchmarks/target/weir-benchmarks.jar dev.weir.bench.nexmark.kafka.NexmarkKafkaBenchmark --commit "$commit" "$@"
fi

jvm_opts=(${NEXMARK_JVM_OPTS:--Xms2g -Xmx2g -XX:+UseSerialGC})
source benchmarks/pin-cpu.sh

exec "${pin[@]}" java "${jvm_opts[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
  -cp benchmarks/target/weir-benchmarks.jar dev.weir.bench.nexmark.NexmarkBenchmark --commit "$commit" "$@"
