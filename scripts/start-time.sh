#!/usr/bin/env bash
# Prints how long `./tollgate serve` takes from the command to /health/ready (issue 14: a second start with
# everything built in <= 3 s). Starts it twice on a fresh data directory, stopping it in between; the first start
# builds what is missing (and prints what it builds), the second is the figure of the target.
#   scripts/start-time.sh [--port N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT=18097
[ "${1:-}" = --port ] && PORT="$2"
DATA="$(mktemp -d /tmp/tollgate-start.XXXXXX)"
SERVICE=
trap '[ -n "$SERVICE" ] && kill "$SERVICE" 2>/dev/null; wait 2>/dev/null' EXIT

start() {
  local began ready
  began="$(date +%s%N)"
  "$ROOT/tollgate" serve --port "$PORT" --data-dir "$DATA" >"$DATA/service-$1.log" 2>&1 &
  SERVICE=$!
  until curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null; do
    if ! kill -0 "$SERVICE" 2>/dev/null; then
      echo "start-time: the service exited; its log, $DATA/service-$1.log, ends:" >&2
      tail -n 20 "$DATA/service-$1.log" >&2
      exit 1
    fi
    sleep 0.05
  done
  ready="$(date +%s%N)"
  printf "%s start: ready in %.2f s (load average %s)\n" "$1" "$(echo "($ready - $began) / 1000000000" | bc -l)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$SERVICE"
  wait "$SERVICE" 2>/dev/null || true
  SERVICE=
}
start first
grep -aE '\[tollgate\]|^tollgate:' "$DATA/service-first.log" || true
start second
