# Sourced by the benchmark scripts: the service's environment as `./tollgate serve` sets it, a private copy of
# the jar, and starting the service on loopback and waiting until it is ready.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/java-env.sh"
export TOLLGATE_OPA="${TOLLGATE_OPA:-$("$ROOT/scripts/opa.sh")}"
export TOLLGATE_NER_MODEL="${TOLLGATE_NER_MODEL:-$("$ROOT/scripts/train-ner.sh" | tail -n 1)}"
export TOLLGATE_CLASSIFIER_CACHE="${TOLLGATE_CLASSIFIER_CACHE:-$ROOT/.cache/models/classifiers}"
export TOLLGATE_POLICIES_DIR="$ROOT/policies" TOLLGATE_REGO_DIR="$ROOT/opa-bundles/tollgate"
"$ROOT/tollgate" verify --data-dir "$(mktemp -d)" >/dev/null 2>&1 || true   # builds the jar when missing
DIST="$(mktemp -d /tmp/tollgate-dist.XXXXXX)"
# A private copy, so that a rebuild during the run cannot change the classes under the service.
cp -r "$ROOT/engine/target/tollgate.jar" "$ROOT/engine/target/libs" "$DIST/"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$DIST"' EXIT

# start_service PORT DATA_DIR [serve options]: starts the service as ./tollgate serve does, sets SERVICE to its
# pid and returns once /health/ready answers; exits with the end of its log when it never does.
start_service() {
  local port="$1" data="$2"
  shift 2
  # BENCH_JVM_OPTIONS: other heap and GC settings to compare (docs/benchmarks.md, issue 14).
  # shellcheck disable=SC2086
  java "${JVM_OPTIONS[@]}" ${BENCH_JVM_OPTIONS:--XX:+UseSerialGC -Xmx384m -Xmn96m} -jar "$DIST/tollgate.jar" serve \
    --port "$port" --data-dir "$data" "$@" >"$data/service.log" 2>&1 &
  SERVICE=$!
  PIDS+=($SERVICE)
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return 0
    sleep 0.5
  done
  echo "bench: the service did not become ready; its log, $data/service.log, ends:" >&2
  tail -n 20 "$data/service.log" >&2
  exit 1
}

# bench ARGS: the project's load generator (`tollgate bench`).
bench() {
  java "${JVM_OPTIONS[@]}" -jar "$DIST/tollgate.jar" bench "$@"
}

# rss PID: "VmRSS ... VmHWM ..." of a process, in MB.
rss() {
  awk '/VmRSS|VmHWM/ {printf "%s %.1f MB  ", $1, $2 / 1024}' "/proc/$1/status"
}
