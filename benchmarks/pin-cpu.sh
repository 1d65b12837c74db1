# Sourced by the benchmark scripts: sets the array `pin` to the command prefix that pins a JVM to one core
# (`taskset -c <BENCH_CPU>`, default core 1, or 0 on a one-core machine), or to nothing when taskset is missing.
pin=()
if command -v taskset >/dev/null 2>&1; then
  cpus=$(getconf _NPROCESSORS_ONLN)
  pin=(taskset -c "${BENCH_CPU:-$(( cpus > 1 ? 1 : 0 ))}")
else
  echo "$(basename "$0"): taskset not found: running unpinned" >&2
fi
