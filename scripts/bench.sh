#!/usr/bin/env bash
# Decision benchmark: starts the service as `./tollgate serve` does (durable log on, embedded defaults, the
# trained NER model, a fresh data directory), drives /v1/decide over loopback with the fixed corpus, prints
# throughput, p50/p95/p99 latency and the service's resident memory, then stops it.
#   ENGINES=drools|rego-wasm|rego-remote|drools,rego-wasm scripts/bench.sh [--concurrency N] [--seconds N]
# With rego-remote a real OPA server with the bundle is started beside the service.
# MODE=execute: the service also gets the on-device SLM, and each worker decides then executes (on slm-local);
# prints executions/s, latency, completion tokens/s and the service's gateway overhead [--max-tokens N].
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
PORT="${BENCH_PORT:-18099}"
OPA_PORT="${BENCH_OPA_PORT:-18181}"
ENGINES="${ENGINES:-drools,rego-wasm}"
MODE="${MODE:-decide}"
DATA="$(mktemp -d /tmp/tollgate-bench.XXXXXX)"
if [ "$MODE" = execute ]; then
  export TOLLGATE_SLM_MODEL="${TOLLGATE_SLM_MODEL:-$("$ROOT/scripts/slm-model.sh" | tail -n 1)}"
fi

if [[ ",$ENGINES," == *",rego-remote,"* ]]; then
  "$TOLLGATE_OPA" run --server --addr "127.0.0.1:$OPA_PORT" --bundle "$TOLLGATE_REGO_DIR" \
    --set decision_logs.console=true >/dev/null 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$OPA_PORT/health" >/dev/null && break; sleep 0.5; done
fi
start_service "$PORT" "$DATA" --engines "$ENGINES" --opa-url "http://127.0.0.1:$OPA_PORT"

echo "engines: $ENGINES"
bench --url "http://127.0.0.1:$PORT" --mode "$MODE" "$@"
echo "service $(rss "$SERVICE")"
echo "decision log in $DATA/log:"
java "${JVM_OPTIONS[@]}" -jar "$DIST/tollgate.jar" verify --data-dir "$DATA" | head -2
