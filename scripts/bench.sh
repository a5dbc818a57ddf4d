#!/usr/bin/env bash
# Decision benchmark: starts the service as `./tollgate serve` does (durable log on, embedded defaults, the
# trained NER model, a fresh data directory), drives /v1/decide over loopback with the fixed corpus, prints
# throughput, p50/p95/p99 latency and the service's resident memory, then stops it.
#   ENGINES=drools|rego-wasm|rego-remote|drools,rego-wasm scripts/bench.sh [--concurrency N] [--seconds N]
# With rego-remote a real OPA server with the bundle is started beside the service.
# MODE=execute: the service also gets the on-device SLM, and each worker decides then executes (on slm-local);
# prints executions/s, latency, completion tokens/s and the service's gateway overhead [--max-tokens N].
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/java-env.sh"
PORT="${BENCH_PORT:-18099}"
OPA_PORT="${BENCH_OPA_PORT:-18181}"
ENGINES="${ENGINES:-drools,rego-wasm}"
MODE="${MODE:-decide}"
DATA="$(mktemp -d /tmp/tollgate-bench.XXXXXX)"

export TOLLGATE_OPA="${TOLLGATE_OPA:-$("$ROOT/scripts/opa.sh")}"
export TOLLGATE_NER_MODEL="${TOLLGATE_NER_MODEL:-$("$ROOT/scripts/train-ner.sh" | tail -n 1)}"
export TOLLGATE_POLICIES_DIR="$ROOT/policies" TOLLGATE_REGO_DIR="$ROOT/opa-bundles/tollgate"
if [ "$MODE" = execute ]; then
  export TOLLGATE_SLM_MODEL="${TOLLGATE_SLM_MODEL:-$("$ROOT/scripts/slm-model.sh" | tail -n 1)}"
fi
"$ROOT/tollgate" verify --data-dir "$DATA" >/dev/null 2>&1 || true   # builds the jar when missing
DIST="$(mktemp -d /tmp/tollgate-dist.XXXXXX)"
# A private copy, so that a rebuild during the run cannot change the classes under the service.
cp -r "$ROOT/engine/target/tollgate.jar" "$ROOT/engine/target/libs" "$DIST/"

PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$DIST"' EXIT
if [[ ",$ENGINES," == *",rego-remote,"* ]]; then
  "$TOLLGATE_OPA" run --server --addr "127.0.0.1:$OPA_PORT" --bundle "$TOLLGATE_REGO_DIR" \
    --set decision_logs.console=true >/dev/null 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$OPA_PORT/health" >/dev/null && break; sleep 0.5; done
fi
java --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xmx384m -jar "$DIST/tollgate.jar" serve --port "$PORT" --data-dir "$DATA" \
  --engines "$ENGINES" --opa-url "http://127.0.0.1:$OPA_PORT" >"$DATA/service.log" 2>&1 &
SERVICE=$!
PIDS+=($SERVICE)
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break
  sleep 0.5
done
if ! curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null; then
  echo "bench: the service did not become ready; its log, $DATA/service.log, ends:" >&2
  tail -n 20 "$DATA/service.log" >&2
  exit 1
fi

echo "engines: $ENGINES"
java -jar "$DIST/tollgate.jar" bench --url "http://127.0.0.1:$PORT" --mode "$MODE" "$@"
grep -E 'VmRSS|VmHWM' "/proc/$SERVICE/status" | sed 's/^/service /'
echo "decision log in $DATA/log:"
java -jar "$DIST/tollgate.jar" verify --data-dir "$DATA" | head -2
