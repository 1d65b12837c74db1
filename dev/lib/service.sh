# Shared by dev/kafka.sh and dev/s3.sh (sourced, not run): a background Java service tracked by a PID file.
# The caller sets NAME (for messages), PIDFILE, LOG, TIMEOUT (seconds) and CMDLINE_PATTERN (what /proc/<pid>/cmdline
# of the service contains, so a reused PID is never taken for the service), and defines log().

# The PID of the running service, or exit status 1.
running_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q "$CMDLINE_PATTERN" "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

# Whether something listens on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts "$@" in the background (output to $LOG, PID to $PIDFILE) and waits until the command named by $READY
# succeeds; fails with the log's tail if the process exits first or $TIMEOUT seconds pass.
launch_and_wait() {
  local started=$SECONDS
  : > "$LOG"
  nohup "$@" >"$LOG" 2>&1 </dev/null &
  echo $! > "$PIDFILE"
  local pid
  pid="$(cat "$PIDFILE")"
  until $READY; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$LOG" >&2
      rm -f "$PIDFILE"
      log "$NAME exited during start-up (log: $LOG)"
      exit 1
    fi
    if (( SECONDS - started >= TIMEOUT )); then
      tail -n 40 "$LOG" >&2
      kill "$pid" 2>/dev/null || true
      rm -f "$PIDFILE"
      log "$NAME not ready after ${TIMEOUT}s (log: $LOG)"
      exit 1
    fi
    sleep 0.1
  done
  echo "$pid $((SECONDS - started))"
}

# Stops the service started by this script (SIGTERM, then SIGKILL after 30 s) and waits for it to exit.
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
  log "$NAME did not stop within 30s; killing pid $pid"
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
}
