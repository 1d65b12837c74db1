#!/usr/bin/env bash
# Builds the benchmark jar and runs the JMH microbenchmarks of the runtime's hot paths
# (dev.weir.bench.micro: watermarks, window assignment, keyed state on heap and RocksDB, serdes) with the GC profiler
# and dev.weir.bench.micro.CpuTimeProfiler (CPU time per operation: the machine may be shared),
# writing JMH's JSON result to benchmarks/target/jmh-result.json; then renders it as markdown
# (dev.weir.bench.micro.JmhReport).
#
#   benchmarks/jmh-run.sh                             # the full suite (~10 min on 2 cores), markdown on stdout
#   benchmarks/jmh-run.sh --out docs/benchmarks.md    # refresh the "Microbenchmarks (JMH)" section of the doc
#   benchmarks/jmh-run.sh --quick                     # smoke run: 1 short warmup and measurement, 1k keys (~1 min)
#   benchmarks/jmh-run.sh KeyedStateBenchmark -p backend=rocksdb   # other arguments go to JMH; a benchmark regexp,
#                                                                  # if any, first (default: dev.weir.bench.micro)
#
# Environment: SKIP_BUILD=1 to use the existing jar as it is, JMH_RESULT (default benchmarks/target/jmh-result.json).
# Not pinned: RocksDB flushes and compacts on background threads. Each benchmark class forks its own JVM
# (-Xms2g -Xmx2g, see the @Fork annotations).
set -euo pipefail
cd "$(dirname "$0")/.."

result=${JMH_RESULT:-benchmarks/target/jmh-result.json}
command="benchmarks/jmh-run.sh $*"
out=()
quick=()
jmh=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out=(--out "$2"); shift 2 ;;
    --quick) quick=(-wi 1 -w 200ms -i 3 -r 200ms -p keys=1k); shift ;;
    *) jmh+=("$1"); shift ;;
  esac
done
# JMH arguments that do not start with a benchmark regexp run the whole package
if [[ ${#jmh[@]} -eq 0 || "${jmh[0]}" == -* ]]; then
  jmh=(dev.weir.bench.micro "${jmh[@]+"${jmh[@]}"}")
fi

source benchmarks/build-jar.sh

mkdir -p "$(dirname "$result")"
java -cp "$jar" org.openjdk.jmh.Main "${jmh[@]}" "${quick[@]+"${quick[@]}"}" -prof gc \
  -prof dev.weir.bench.micro.CpuTimeProfiler -foe true \
  -rf json -rff "$result" >&2
exec java -cp "$jar" dev.weir.bench.micro.JmhReport "$result" --command "$command" "${out[@]+"${out[@]}"}"
