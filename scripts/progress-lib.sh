# Sourced by the scripts that build or fetch something once (./tollgate, opa.sh, slm-model.sh, train-ner.sh),
# so that a first run says what it does instead of being silent for minutes:
#   step "building OPA v1.22.3" COMMAND...
# prints "[tollgate] building OPA v1.22.3 ...", every 30 s "[tollgate] building OPA v1.22.3 ... 60 s", and at the end
# "[tollgate] building OPA v1.22.3 ... done in 41 s" (or "failed after 41 s", exiting with the command's status),
# all on stderr. COMMAND runs in a subshell with errexit, so that a failing line inside a function stops it.
step() {
  local what="$1" began=$SECONDS ticker status
  shift
  echo "[tollgate] $what ..." >&2
  # The ticker stops itself once the script is gone ($$ is the script even in this subshell), e.g. after Ctrl-C.
  (
    elapsed=0
    while kill -0 $$ 2>/dev/null; do
      sleep 1
      elapsed=$((elapsed + 1))
      if ((elapsed % 30 == 0)); then echo "[tollgate] $what ... $elapsed s" >&2; fi
    done
  ) >/dev/null &
  ticker=$!
  set +e
  (set -e; "$@")
  status=$?
  set -e
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  if ((status != 0)); then
    echo "[tollgate] $what ... failed after $((SECONDS - began)) s" >&2
    exit "$status"
  fi
  echo "[tollgate] $what ... done in $((SECONDS - began)) s" >&2
}
