#!/usr/bin/env bash
# Profiles one query with Java Flight Recorder and prints where the engine thread spends its time and allocates.
#
#   benchmarks/profile.sh q-sliding            # 10M bids: 1 warm-up + 1 measured run, in one JVM
#   benchmarks/profile.sh q-session 200k
#
# Prints the hottest top frames (self time), the methods most often on the stack (inclusive time) and the sampled
# allocation by class and allocating method. The recording stays in benchmarks/target/<query>.jfr for JDK Mission
# Control. Uses benchmarks/target/weir-benchmarks.jar (build it with benchmarks/run.sh or SKIP_BUILD=0).
set -euo pipefail
cd "$(dirname "$0")/.."

query=${1:?usage: benchmarks/profile.sh QUERY [EVENTS]}
events=${2:-10M}
if [[ "${SKIP_BUILD:-1}" != 1 || ! -f benchmarks/target/weir-benchmarks.jar ]]; then
  mvn -q -B -DskipTests -pl benchmarks -am package
fi
jfr_file=benchmarks/target/${query}.jfr
source benchmarks/pin-cpu.sh

"${pin[@]}" java -Xms2g -Xmx2g -XX:+UseSerialGC \
  "-XX:StartFlightRecording=filename=${jfr_file},settings=profile" \
  -cp benchmarks/target/weir-benchmarks.jar dev.weir.bench.EngineBenchmark \
  --queries "$query" --events "$events" --no-fork --no-verify --warmups 1 --runs 1 >/dev/null

samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
jfr print --stack-depth 64 --events jdk.ExecutionSample "$jfr_file" >"$samples"
echo "== $(grep -c 'jdk.ExecutionSample' "$samples") execution samples; top frames (self time) =="
awk '/stackTrace = \[/ { getline; sub(/^ +/, ""); sub(/ line:.*/, ""); print }' "$samples" \
  | sort | uniq -c | sort -rn | head -20
echo "== methods on the stack (inclusive time) =="
awk '/stackTrace = \[/ { on = 1; delete seen; next }
     on && /^  \]/ { on = 0; next }
     on { m = $0; sub(/^ +/, "", m); sub(/ line:.*/, "", m); if (!(m in seen)) { seen[m] = 1; print m } }' "$samples" \
  | grep -v 'dev.weir.bench.EngineBenchmark\|dev.weir.bench.JvmProbe' | sort | uniq -c | sort -rn | head -30
echo "== sampled allocation of the main thread, MB, by class @ allocating method =="
jfr print --stack-depth 2 --events jdk.ObjectAllocationSample "$jfr_file" | awk '
  /objectClass = / { c = $3 }
  /weight = / { w = $3; u = $4; gsub(",", "", w)
                mb = (u == "bytes") ? w / 1e6 : (u == "kB") ? w / 1e3 : (u == "MB") ? w : (u == "GB") ? w * 1e3 : 0 }
  /eventThread = / { t = $0 }
  /stackTrace = \[/ { getline f; sub(/^ +/, "", f); sub(/\(.*/, "", f); if (t ~ /"main"/) s[c " @ " f] += mb }
  END { for (k in s) printf "%8.0f  %s\n", s[k], k }' | sort -rn | head -15
