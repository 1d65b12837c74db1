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

log() { echo "s3.sh: $*" >&2; }

running_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q 's3proxy' "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

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
  local started=$SECONDS
  : > "$LOG"
  nohup java -Xmx256m -jar "$JAR" --properties "$PROPS" >"$LOG" 2>&1 </dev/null &
  echo $! > "$PIDFILE"
  local pid
  pid="$(cat "$PIDFILE")"
  until port_open "$PORT"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$LOG" >&2
      rm -f "$PIDFILE"
      log "s3proxy exited during start-up (log: $LOG)"
      exit 1
    fi
    if (( SECONDS - started >= TIMEOUT )); then
      tail -n 40 "$LOG" >&2
      kill "$pid" 2>/dev/null || true
      rm -f "$PIDFILE"
      log "s3proxy not ready after ${TIMEOUT}s (log: $LOG)"
      exit 1
    fi
    sleep 0.1
  done
  log "started (pid $pid) at $ENDPOINT in $((SECONDS - started))s"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PIDFILE"
    log "not running"
    return 0
  fi
  kill "$pid"
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; log "stopped (pid $pid)"; return 0; }
    sleep 0.1
  done
  log "s3proxy did not stop within 30s; killing pid $pid"
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
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
