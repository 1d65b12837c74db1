#!/usr/bin/env bash
# A local S3-compatible server (s3proxy 2.6.0, filesystem-nio2 backend, authentication on) for development and the
# integration tests.
#   dev/s3.sh start      fetch s3proxy from Maven Central (once), start it, wait until the port answers
#   dev/s3.sh stop       stop the server started by this script (by PID) and wait for it to exit
#   dev/s3.sh status     print "running ..." or "stopped" (exit 0 / 3)
#   dev/s3.sh endpoint   print the endpoint (http://127.0.0.1:19000)
#   dev/s3.sh env        print the WEIR_S3_* exports for this server: eval "$(dev/s3.sh env)"
# Everything lives under build/s3 (git-ignored): lib/ (the jar), data/ (buckets and objects), s3proxy.properties,
# s3proxy.log, s3proxy.pid.
# Environment: WEIR_S3_START_TIMEOUT (seconds, default 60).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="$ROOT/build/s3"
LIB="$DIR/lib"
DATA="$DIR/data"
PROPS="$DIR/s3proxy.properties"
PIDFILE="$DIR/s3proxy.pid"
LOG="$DIR/s3proxy.log"
VERSION=2.6.0
JAR="$LIB/s3proxy-$VERSION-jar-with-dependencies.jar"
PORT=19000
ENDPOINT="http://127.0.0.1:$PORT"
ACCESS_KEY=weir
SECRET_KEY=weir-dev-secret
REGION=us-east-1
BUCKET=weir-checkpoints
TIMEOUT="${WEIR_S3_START_TIMEOUT:-60}"
NAME=s3proxy
CMDLINE_PATTERN=s3proxy

log() { echo "s3.sh: $*" >&2; }
ready() { port_open "$PORT"; }
READY=ready
# shellcheck source=dev/lib/service.sh
source "$ROOT/dev/lib/service.sh"

fetch() {
  if [ -f "$JAR" ]; then return; fi
  log "fetching s3proxy $VERSION with Maven into $LIB"
  # copy into a scratch folder first, so an interrupted download never leaves a partial jar at $JAR
  rm -rf "$LIB.tmp"
  mkdir -p "$LIB" "$LIB.tmp"
  mvn -q -B -ntp -Dstyle.color=never dependency:copy \
      -Dartifact="org.gaul:s3proxy:$VERSION:jar:jar-with-dependencies" -DoutputDirectory="$LIB.tmp" >&2
  [ -f "$LIB.tmp/$(basename "$JAR")" ] || { log "Maven did not produce $(basename "$JAR")"; exit 1; }
  mv "$LIB.tmp/$(basename "$JAR")" "$JAR"
  rm -rf "$LIB.tmp"
}

# filesystem-nio2, not the older, deprecated "filesystem" provider: its multi-object deletes stall in jclouds' delete
# retries (1 s sleeps; a test run took minutes instead of seconds; see gaul/s3proxy issue 297).
write_props() {
  cat > "$PROPS" <<P
s3proxy.endpoint=$ENDPOINT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$ACCESS_KEY
s3proxy.credential=$SECRET_KEY
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$DATA
# required by the provider, unused by a local filesystem
jclouds.identity=$ACCESS_KEY
jclouds.credential=$SECRET_KEY
P
}

start() {
  if pid="$(running_pid)"; then
    log "already running (pid $pid) at $ENDPOINT"
    return 0
  fi
  if port_open "$PORT"; then
    log "port $PORT is taken by a process this script did not start; stop it first"
    exit 1
  fi
  command -v java >/dev/null || { log "java not found"; exit 1; }
  command -v mvn >/dev/null || { log "mvn not found"; exit 1; }
  mkdir -p "$DIR" "$DATA"
  fetch
  write_props
  local launched
  launched="$(launch_and_wait java -Xmx256m -jar "$JAR" --properties "$PROPS")"
  log "started (pid ${launched% *}) at $ENDPOINT in ${launched#* }s"
}

print_env() {
  echo "export WEIR_S3_ENDPOINT=$ENDPOINT"
  echo "export WEIR_S3_ACCESS_KEY=$ACCESS_KEY"
  echo "export WEIR_S3_SECRET_KEY=$SECRET_KEY"
  echo "export WEIR_S3_REGION=$REGION"
  echo "export WEIR_S3_BUCKET=$BUCKET"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if pid="$(running_pid)"; then echo "running (pid $pid) at $ENDPOINT"; else echo "stopped"; exit 3; fi ;;
  endpoint) echo "$ENDPOINT" ;;
  env) print_env ;;
  *) echo "usage: $0 start|stop|status|endpoint|env" >&2; exit 2 ;;
esac
