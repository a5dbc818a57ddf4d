#!/usr/bin/env bash
# Tollgate beside a bare OPA server on the same packs and the same facts, in one run (issue 14):
#   scripts/bench-vs-opa.sh [--concurrency 32] [--seconds 20] [--warmup-seconds 10] [--rate 2000]
# 1. Starts the service as `./tollgate serve` does (default engines drools,rego-wasm, durable log, NER) and an
#    `opa run --server` (built by scripts/opa.sh) with the Rego packs of opa-bundles/tollgate plus one rule,
#    tollgate.bench.verdicts, that returns every pack's verdict: one query per decision. No decision log in OPA.
# 2. Sends each prompt of the benchmark corpus to /v1/decide once and takes the facts documents Tollgate built
#    for them from its decision log.
# 3. Drives /v1/decide with the corpus, then OPA with those facts, one after the other with the same load
#    generator (`tollgate bench`) and connection count, and prints both throughputs, p99s, the ratio, both
#    RSS figures and the load average before each run.
# 4. Drives both again at a constant offered rate (--rate per second over the same connections, open loop, each
#    latency from when its request was due, as wrk2 -R does): the p99 at that rate, which the closed loops
#    cannot show (their mean latency is connections / throughput, Little's law).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
PORT="${BENCH_PORT:-18099}"
OPA_PORT="${BENCH_OPA_PORT:-18181}"
CONCURRENCY=32 SECONDS_MEASURED=20 WARMUP=10 RATE=2000
while [ $# -gt 0 ]; do
  case "$1" in
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --seconds) SECONDS_MEASURED="$2"; shift 2 ;;
    --warmup-seconds) WARMUP="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    *) echo "usage: $0 [--concurrency N] [--seconds N] [--warmup-seconds N] [--rate N]" >&2; exit 2 ;;
  esac
done
DATA="$(mktemp -d /tmp/tollgate-bench.XXXXXX)"
BUNDLE="$DIST/bundle"

mkdir -p "$BUNDLE"
cp "$TOLLGATE_REGO_DIR/.manifest" "$TOLLGATE_REGO_DIR/data.json" "$BUNDLE/"
find "$TOLLGATE_REGO_DIR" -maxdepth 1 -name '*.rego' ! -name '*_test.rego' -exec cp {} "$BUNDLE/" \;
VERDICTS="$(sed -n 's/^package tollgate\.\([a-z_]*\)$/  "\1": data.tollgate.\1.verdict,/p' "$BUNDLE"/*.rego)"
printf 'package tollgate.bench\n\nverdicts := {\n%s\n}\n' "$VERDICTS" >"$BUNDLE/bench.rego"
"$TOLLGATE_OPA" run --server --addr "127.0.0.1:$OPA_PORT" --bundle "$BUNDLE" >"$DATA/opa.log" 2>&1 &
OPA=$!
PIDS+=($OPA)
start_service "$PORT" "$DATA"
curl -sf "http://127.0.0.1:$OPA_PORT/health?bundles" >/dev/null || { echo "OPA is not up: $DATA/opa.log" >&2; exit 1; }

bench --url "http://127.0.0.1:$PORT" --concurrency 1 --seconds 3 --warmup-seconds 0 >/dev/null
jq -c 'select(.type == "decision") | .facts' "$DATA"/log/*.jsonl | sort -u >"$DATA/facts.jsonl"
echo "facts documents from the decision log: $(wc -l <"$DATA/facts.jsonl")"

run() {
  local name="$1"
  shift
  echo "== $name, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  bench --concurrency "$CONCURRENCY" --seconds "$SECONDS_MEASURED" --warmup-seconds "$WARMUP" "$@" \
    | tee "$DATA/$name.txt"
}
run tollgate --url "http://127.0.0.1:$PORT"
TOLLGATE_RSS="$(rss "$SERVICE")"
run opa --url "http://127.0.0.1:$OPA_PORT" --mode opa --facts "$DATA/facts.jsonl"
OPA_RSS="$(rss "$OPA")"
run tollgate-at-rate --url "http://127.0.0.1:$PORT" --rate "$RATE"
run opa-at-rate --url "http://127.0.0.1:$OPA_PORT" --mode opa --facts "$DATA/facts.jsonl" --rate "$RATE"

rate() { sed -n 's/^throughput: \([0-9.]*\).*/\1/p' "$DATA/$1.txt"; }
p99() { sed -n 's/.* p99 \([0-9.]*\) .*/\1/p' "$DATA/$1.txt"; }
echo
echo "== summary ($CONCURRENCY connections, ${SECONDS_MEASURED} s after ${WARMUP} s warm-up; load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
printf "tollgate /v1/decide (drools,rego-wasm):   %8s /s  p99 %6s ms  %s\n" "$(rate tollgate)" "$(p99 tollgate)" "$TOLLGATE_RSS"
printf "opa, every pack's verdict in one query:   %8s /s  p99 %6s ms  %s\n" "$(rate opa)" "$(p99 opa)" "$OPA_RSS"
echo "ratio tollgate/opa: $(echo "scale=2; $(rate tollgate) / $(rate opa)" | bc)"
echo "offered $RATE/s, open loop, same connections:"
printf "tollgate /v1/decide:                      %8s /s  p99 %6s ms\n" "$(rate tollgate-at-rate)" "$(p99 tollgate-at-rate)"
printf "opa:                                      %8s /s  p99 %6s ms\n" "$(rate opa-at-rate)" "$(p99 opa-at-rate)"
echo "tollgate at rate, $(grep -E '^(decisions|latency)' "$DATA/tollgate-at-rate.txt" | tr '\n' ' ')"
curl -s "http://127.0.0.1:$PORT/metrics" | grep '^tollgate_engine_disagreements_total' || true
java "${JVM_OPTIONS[@]}" -jar "$DIST/tollgate.jar" verify --data-dir "$DATA" | head -1
