#!/usr/bin/env bash
# The whole test suite: unit tests, policy packs, Cucumber features over HTTP, crash and tamper tests.
# Installs and starts whatever the tests need; safe to run on a fresh machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/java-env.sh"
cd "$ROOT"
mvn -B -f pom.xml verify "$@"
