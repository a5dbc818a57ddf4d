#!/usr/bin/env bash
# CPU per decision (issue 14): starts the service as `./tollgate serve` does (default engines, durable log, NER),
# warms it up with a closed loop, then drives /v1/decide for a fixed time and prints the service's process CPU
# time (user + system, from /proc) divided by the decisions answered in that window, beside the throughput and
# latency of the same window.
#   scripts/decide-cpu.sh [--concurrency 32] [--seconds 20] [--warmup-seconds 10] [--jfr FILE] [--jar DIR]
# --jfr FILE records the measured window with JFR (settings=profile) into FILE; its CPU figure then includes
# the recorder's own cost. --jar DIR measures the tollgate.jar and libs/ kept in DIR instead of the worktree's
# build (to alternate runs of two builds).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
PORT="${BENCH_PORT:-18099}"
CONCURRENCY=32 SECONDS_MEASURED=20 WARMUP=10 JFR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --seconds) SECONDS_MEASURED="$2"; shift 2 ;;
    --warmup-seconds) WARMUP="$2"; shift 2 ;;
    --jfr) JFR="$(realpath -m "$2")"; shift 2 ;;
    --jar) rm -rf "$DIST/libs"; cp -r "$2/tollgate.jar" "$2/libs" "$DIST/"; shift 2 ;;
    *) echo "usage: $0 [--concurrency N] [--seconds N] [--warmup-seconds N] [--jfr FILE] [--jar DIR]" >&2; exit 2 ;;
  esac
done
DATA="$(mktemp -d /tmp/tollgate-bench.XXXXXX)"
start_service "$PORT" "$DATA"

# cpu_ticks: the service's user + system CPU time so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVICE/stat"; }
# thread_ticks: "name user system" of each of the service's threads, numbers of a thread pool's threads dropped.
thread_ticks() {
  for t in /proc/"$SERVICE"/task/*; do
    printf '%s %s\n' "$(sed 's/[0-9]*$//; s/ /_/g' "$t/comm")" "$(cut -d')' -f2- "$t/stat" | awk '{print $12, $13}')"
  done 2>/dev/null
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
bench --url "http://127.0.0.1:$PORT" --concurrency "$CONCURRENCY" --seconds "$WARMUP" --warmup-seconds 0 >/dev/null
if [ -n "$JFR" ]; then
  jcmd "$SERVICE" JFR.start name=decide settings=profile >/dev/null
fi
BEFORE="$(cpu_ticks)"
thread_ticks >"$DATA/threads-before.txt"
bench --url "http://127.0.0.1:$PORT" --concurrency "$CONCURRENCY" --seconds "$SECONDS_MEASURED" --warmup-seconds 0 \
  | tee "$DATA/measured.txt"
AFTER="$(cpu_ticks)"
thread_ticks >"$DATA/threads-after.txt"
if [ -n "$JFR" ]; then
  jcmd "$SERVICE" JFR.stop name=decide filename="$JFR" >/dev/null
  echo "JFR recording: $JFR"
fi
DECISIONS="$(sed -n 's/^decisions: \([0-9]*\) ok.*/\1/p' "$DATA/measured.txt")"
echo "service CPU: $(( (AFTER - BEFORE) * 1000 / $(getconf CLK_TCK) )) ms for $DECISIONS decisions:" \
  "$(echo "scale=1; ($AFTER - $BEFORE) * 1000000 / $(getconf CLK_TCK) / $DECISIONS" | bc) µs per decision"
echo "service CPU by thread (user + system ms in the window; live threads):"
awk -v hz="$(getconf CLK_TCK)" 'NR == FNR { u[$1] -= $2; s[$1] -= $3; next } { u[$1] += $2; s[$1] += $3 }
  END { for (n in u) if (u[n] + s[n] > 0) printf "  %-20s %7d user %7d system\n", n, u[n] * 1000 / hz, s[n] * 1000 / hz }' \
  "$DATA/threads-before.txt" "$DATA/threads-after.txt" | sort -k2 -n -r
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); service $(rss "$SERVICE")"
