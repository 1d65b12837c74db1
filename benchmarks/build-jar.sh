# Sourced by the benchmark scripts (from the project root): builds benchmarks/target/weir-benchmarks.jar from the
# current sources unless SKIP_BUILD=1. Always through Maven, not by comparing file times: a jar newer than the sources
# can still have been built from older ones (another checkout, a build started before an edit).
jar=benchmarks/target/weir-benchmarks.jar
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "$(basename "$0"): building $jar (SKIP_BUILD=1 to use it as it is)" >&2
  mvn -q -B -ntp -DskipTests -pl benchmarks -am package
elif [[ ! -f "$jar" ]]; then
  echo "$(basename "$0"): $jar is missing; run without SKIP_BUILD=1" >&2
  exit 1
fi
