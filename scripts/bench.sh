#!/usr/bin/env bash
# Decision benchmark: starts the service as `./tollgate serve` does (durable log on, embedded defaults,
# a fresh data directory), drives /v1/decide over loopback with the fixed corpus, prints throughput,
# p50/p95/p99 latency and the service's resident memory, then stops it.
#   scripts/bench.sh [--concurrency N] [--seconds N] [--warmup-seconds N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/java-env.sh"
PORT="${BENCH_PORT:-18099}"
DATA="$(mktemp -d /tmp/tollgate-bench.XXXXXX)"

"$ROOT/tollgate" verify --data-dir "$DATA" >/dev/null 2>&1 || true   # builds the jar when missing
DIST="$(mktemp -d /tmp/tollgate-dist.XXXXXX)"
# A private copy, so that a rebuild during the run cannot change the classes under the service.
cp -r "$ROOT/engine/target/tollgate.jar" "$ROOT/engine/target/libs" "$DIST/"

TOLLGATE_POLICIES_DIR="$ROOT/policies" java -XX:+UseSerialGC -Xmx384m -jar "$DIST/tollgate.jar" serve \
  --port "$PORT" --data-dir "$DATA" >"$DATA/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -rf "$DIST"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break
  sleep 0.5
done

java -jar "$DIST/tollgate.jar" bench --url "http://127.0.0.1:$PORT" "$@"
grep -E 'VmRSS|VmHWM' "/proc/$SERVICE/status" | sed 's/^/service /'
echo "decision log in $DATA/log:"
java -jar "$DIST/tollgate.jar" verify --data-dir "$DATA" | head -2
