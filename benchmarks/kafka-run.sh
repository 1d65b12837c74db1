#!/usr/bin/env bash
# Builds the benchmark jar (unless SKIP_BUILD=1), makes sure the development broker runs, and runs the end-to-end Kafka
# benchmark (dev.weir.bench.kafka.KafkaBenchmark). The broker is left running.
#
#   benchmarks/kafka-run.sh                             # defaults (5M records), markdown on stdout
#   benchmarks/kafka-run.sh --out docs/benchmarks.md    # refresh the "Kafka end to end" section of the doc
#   benchmarks/kafka-run.sh --events 1M --parallelism 2
#
# Environment: KAFKA_BENCH_JVM_OPTS (default "-Xms1g -Xmx1g"), SKIP_BUILD=1 to use the existing jar as it is,
# WEIR_KAFKA_BOOTSTRAP to use another broker (dev/kafka.sh is then not started). Not pinned: the broker and the
# benchmark share the machine's cores, as they would in production on one box.
# Options of the harness: --help, or see dev.weir.bench.kafka.KafkaBenchmarkOptions.
set -euo pipefail
cd "$(dirname "$0")/.."

source benchmarks/build-jar.sh

if [[ -z "${WEIR_KAFKA_BOOTSTRAP:-}" ]]; then
  dev/kafka.sh start
  export WEIR_KAFKA_BOOTSTRAP="$(dev/kafka.sh bootstrap)"
fi

jvm_opts=(${KAFKA_BENCH_JVM_OPTS:--Xms1g -Xmx1g})
exec java "${jvm_opts[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$jar" dev.weir.bench.kafka.KafkaBenchmark "$@"
