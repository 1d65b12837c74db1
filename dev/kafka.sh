#!/usr/bin/env bash
# A single-node Kafka (KRaft) broker for development and the integration tests.
#   dev/kafka.sh start      fetch Kafka from Maven Central (once), format (once), start, wait until ready
#   dev/kafka.sh stop       stop the broker started by this script (by PID) and wait for it to exit
#   dev/kafka.sh status     print "running" or "stopped" (exit 0 / 3)
#   dev/kafka.sh bootstrap  print the bootstrap servers (127.0.0.1:19092)
# Everything lives under build/kafka (git-ignored): lib/ (jars), data/ (log dirs), broker.log, broker.pid.
# Environment: WEIR_KAFKA_START_TIMEOUT (seconds, default 60).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="$ROOT/build/kafka"
LIB="$DIR/lib"
DATA="$DIR/data"
PROPS="$DIR/server.properties"
PIDFILE="$DIR/broker.pid"
LOG="$DIR/broker.log"
PORT=19092
CONTROLLER_PORT=19093
BOOTSTRAP="127.0.0.1:$PORT"
TIMEOUT="${WEIR_KAFKA_START_TIMEOUT:-60}"

log() { echo "kafka.sh: $*" >&2; }

running_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q 'kafka.Kafka' "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

fetch() {
  if [ -f "$LIB/.complete" ]; then return; fi
  log "fetching Apache Kafka with Maven into $LIB"
  rm -rf "$LIB"
  mkdir -p "$LIB"
  mvn -q -B -ntp -Dstyle.color=never -f "$ROOT/dev/kafka/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$LIB" -DincludeScope=runtime
  touch "$LIB/.complete"
}

write_props() {
  cat > "$PROPS" <<P
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# Keep data regardless of record timestamps: tests and replays use fixed event times far in the past, which the
# default 7-day time retention would delete at the first retention check (30 s after start). Reset with
# 'rm -rf build/kafka/data' while the broker is stopped.
log.retention.ms=-1
P
}

format() {
  if [ -f "$DATA/meta.properties" ]; then return; fi
  log "formatting KRaft storage in $DATA"
  mkdir -p "$DATA"
  local cid
  cid="$(java -cp "$LIB/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
  java -cp "$LIB/*" kafka.tools.StorageTool format -t "$cid" -c "$PROPS" >"$DIR/format.log" 2>&1 \
    || { cat "$DIR/format.log" >&2; log "formatting failed"; exit 1; }
}

start() {
  if pid="$(running_pid)"; then
    log "already running (pid $pid) at $BOOTSTRAP"
    return 0
  fi
  if port_open "$PORT" || port_open "$CONTROLLER_PORT"; then
    log "port $PORT or $CONTROLLER_PORT is taken by a process this script did not start; stop it first"
    exit 1
  fi
  command -v java >/dev/null || { log "java not found"; exit 1; }
  command -v mvn >/dev/null || { log "mvn not found"; exit 1; }
  mkdir -p "$DIR"
  fetch
  write_props
  format
  local started=$SECONDS
  : > "$LOG"
  nohup java -Xms256m -Xmx512m -cp "$LIB/*" kafka.Kafka "$PROPS" >"$LOG" 2>&1 </dev/null &
  echo $! > "$PIDFILE"
  local pid
  pid="$(cat "$PIDFILE")"
  until grep -q 'Kafka Server started' "$LOG" && port_open "$PORT"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$LOG" >&2
      rm -f "$PIDFILE"
      log "broker exited during start-up (log: $LOG)"
      exit 1
    fi
    if (( SECONDS - started >= TIMEOUT )); then
      tail -n 40 "$LOG" >&2
      kill "$pid" 2>/dev/null || true
      rm -f "$PIDFILE"
      log "broker not ready after ${TIMEOUT}s (log: $LOG)"
      exit 1
    fi
    sleep 0.2
  done
  log "started (pid $pid) at $BOOTSTRAP in $((SECONDS - started))s"
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
  log "broker did not stop within 30s; killing pid $pid"
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if pid="$(running_pid)"; then echo "running (pid $pid) at $BOOTSTRAP"; else echo "stopped"; exit 3; fi ;;
  bootstrap) echo "$BOOTSTRAP" ;;
  *) echo "usage: $0 start|stop|status|bootstrap" >&2; exit 2 ;;
esac
