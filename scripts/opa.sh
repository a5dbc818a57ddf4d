#!/usr/bin/env bash
# Prints the path of the pinned OPA binary, installing it into <repo>/.cache/bin when missing.
# The Go module, build and binary caches all live under <repo>/.cache, so a second run is instant.
set -euo pipefail

OPA_VERSION="v1.22.3"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$repo/.cache/bin/opa"

installed_version() {
  "$bin" version 2>/dev/null | awk '/^Version:/ {print "v" $2}'
}

if [[ ! -x "$bin" || "$(installed_version)" != "$OPA_VERSION" ]]; then
  command -v go >/dev/null || { echo "opa.sh: Go is required to install OPA $OPA_VERSION" >&2; exit 1; }
  mkdir -p "$repo/.cache/bin" "$repo/.cache/go"
  echo "opa.sh: installing OPA $OPA_VERSION into $repo/.cache/bin (takes a few minutes once)" >&2
  GOBIN="$repo/.cache/bin" \
    GOPATH="$repo/.cache/go" \
    GOMODCACHE="$repo/.cache/go/mod" \
    GOCACHE="$repo/.cache/go/build" \
    GOFLAGS="-buildvcs=false -modcacherw" \
    go install "github.com/open-policy-agent/opa@$OPA_VERSION" >&2
fi
echo "$bin"
