#!/usr/bin/env bash
# A single-node Kafka (KRaft) broker for development and the integration tests.
#   dev/kafka.sh start      fetch Kafka from Maven Central (once), format (once), start, wait until ready
#   dev/kafka.sh stop       stop the broker started by this script (by PID) and wait for it to exit
#   dev/kafka.sh status     print "running" or "stopped" (exit 0 / 3)
#   dev/kafka.sh bootstrap  print the bootstrap servers (127.0.0.1:19092)
# Everything lives under build/kafka (git-ignored): lib/ (jars), data/ (log dirs), broker.log, broker.pid.
# Environment: WEIR_KAFKA_START_TIMEOUT (seconds, default 300: a broker with thousands of topics in its data
# directory takes over a minute to load them).
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
TIMEOUT="${WEIR_KAFKA_START_TIMEOUT:-300}"
NAME=broker
CMDLINE_PATTERN=kafka.Kafka

log() { echo "kafka.sh: $*" >&2; }
ready() { grep -q 'Kafka Server started' "$LOG" && port_open "$PORT"; }
READY=ready
# shellcheck source=dev/lib/service.sh
source "$ROOT/dev/lib/service.sh"

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
  local launched
  launched="$(launch_and_wait java -Xms256m -Xmx512m -cp "$LIB/*" kafka.Kafka "$PROPS")"
  log "started (pid ${launched% *}) at $BOOTSTRAP in ${launched#* }s"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if pid="$(running_pid)"; then echo "running (pid $pid) at $BOOTSTRAP"; else echo "stopped"; exit 3; fi ;;
  bootstrap) echo "$BOOTSTRAP" ;;
  *) echo "usage: $0 start|stop|status|bootstrap" >&2; exit 2 ;;
esac
