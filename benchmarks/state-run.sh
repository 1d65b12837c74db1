#!/usr/bin/env bash
# Builds the benchmark jar (unless SKIP_BUILD=1), makes sure the development S3 server runs, and runs the keyed-state benchmark
# (dev.weir.bench.state.StateBenchmark): RocksDB vs heap throughput with 10M live keys (one forked JVM per run, with
# its own heap cap), full and incremental checkpoints of ~1 GB of RocksDB state to S3, and recovery from S3.
# The S3 server is left running.
#
#   benchmarks/state-run.sh                             # every part, markdown on stdout (~15 min on 2 cores)
#   benchmarks/state-run.sh --out docs/benchmarks.md    # refresh the "Keyed state" section of the doc
#   benchmarks/state-run.sh --parts throughput --runs rocksdb:512m,heap:512m --keys 1M
#   benchmarks/state-run.sh --parts checkpoint,recovery --state-keys 1M
#
# Environment: STATE_BENCH_JVM_OPTS (the harness JVM, default "-Xms1g -Xmx1g"; the throughput runs get their own
# -Xms/-Xmx, see --runs and --jvm-opts), SKIP_BUILD=1 to use the existing jar as it is, WEIR_S3_ENDPOINT (and the
# other WEIR_S3_* variables) to use another store (dev/s3.sh is then not started). Not pinned: RocksDB flushes and
# compacts on background threads.
# Options of the harness: --help, or see dev.weir.bench.state.StateBenchmarkOptions.
set -euo pipefail
cd "$(dirname "$0")/.."

source benchmarks/build-jar.sh

if [[ -z "${WEIR_S3_ENDPOINT:-}" ]]; then
  dev/s3.sh start >&2
  eval "$(dev/s3.sh env)"
fi

jvm_opts=(${STATE_BENCH_JVM_OPTS:--Xms1g -Xmx1g})
exec java "${jvm_opts[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$jar" \
  dev.weir.bench.state.StateBenchmark "$@"
