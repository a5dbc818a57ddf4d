#!/usr/bin/env bash
# Runs the Presidio analyzer of docker/presidio on this machine, without Docker.
#   scripts/presidio.sh start [PORT]   install (once) and start on 127.0.0.1:PORT (default 3000), print the PID
#   scripts/presidio.sh stop  [PORT]   stop the server started on PORT
# The venv lives in <repo>/.cache/presidio-venv and pip's cache in <repo>/.cache/pip. The venv is rebuilt
# only when docker/presidio/requirements.txt changes (a stamp keeps its hash), so a second start is quick.
# The server's log is <repo>/.cache/presidio-PORT.log until stop; it holds no request bodies.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app_dir="$repo/docker/presidio"
venv="$repo/.cache/presidio-venv"
start_timeout_s="${PRESIDIO_START_TIMEOUT_S:-120}"

say() { echo "presidio.sh: $*" >&2; }

source "$repo/scripts/venv-lib.sh"
ensure_installed() { venv_install "$venv" "$app_dir/requirements.txt" "$repo/.cache/presidio-install.lock"; }

pid_file() { echo "$repo/.cache/presidio-$1.pid"; }

healthy() { curl -sf --max-time 2 "http://127.0.0.1:$1/health" >/dev/null 2>&1; }

start() {
  local port="$1" pid_path log_path pid
  pid_path="$(pid_file "$port")"
  log_path="$repo/.cache/presidio-$port.log"
  if [[ -f "$pid_path" ]] && kill -0 "$(cat "$pid_path")" 2>/dev/null && healthy "$port"; then
    cat "$pid_path"
    return
  fi
  ensure_installed
  cd "$app_dir"
  WEB_CONCURRENCY="${WEB_CONCURRENCY:-2}" nohup "$venv/bin/gunicorn" --bind "127.0.0.1:$port" --timeout 60 --no-control-socket \
    --preload analyzer_server:app >"$log_path" 2>&1 </dev/null &
  pid=$!
  local deadline=$((SECONDS + start_timeout_s))
  until healthy "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "server exited during start-up; last lines of $log_path:"
      tail -n 20 "$log_path" >&2
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      say "no answer on /health within ${start_timeout_s}s; stopping it"
      kill "$pid" 2>/dev/null || true
      exit 1
    fi
    sleep 0.3
  done
  echo "$pid" >"$pid_path"
  echo "$pid"
}

stop() {
  local port="$1" pid_path pid
  pid_path="$(pid_file "$port")"
  [[ -f "$pid_path" ]] || { say "nothing started on port $port"; return; }
  pid="$(cat "$pid_path")"
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -f "$pid_path" "$repo/.cache/presidio-$port.log"
}

case "${1:-}" in
  start) start "${2:-3000}" ;;
  stop) stop "${2:-3000}" ;;
  *) echo "usage: $0 start|stop [PORT]" >&2; exit 2 ;;
esac
