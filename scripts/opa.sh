#!/usr/bin/env bash
# Prints the path of the pinned OPA binary, installing it into <repo>/.cache/bin when missing.
# The Go module, build and binary caches all live under <repo>/.cache, so a second run is instant.
# OPA's module zip is checked against scripts/checksums.sha256 before it is built; its go.sum pins what it imports.
set -euo pipefail

OPA_VERSION="v1.22.3"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/scripts/checksum-lib.sh"
source "$repo/scripts/progress-lib.sh"
bin="$repo/.cache/bin/opa"

installed_version() {
  "$bin" version 2>/dev/null | awk '/^Version:/ {print "v" $2}'
}

install_opa() {
  mkdir -p "$repo/.cache/bin" "$repo/.cache/go"
  export GOBIN="$repo/.cache/bin" GOPATH="$repo/.cache/go" GOMODCACHE="$repo/.cache/go/mod" \
    GOCACHE="$repo/.cache/go/build" GOFLAGS="-buildvcs=false -modcacherw"
  local module="github.com/open-policy-agent/opa@$OPA_VERSION" zip
  zip="$(go mod download -json "$module" | sed -n 's/^[[:space:]]*"Zip": "\(.*\)",\{0,1\}$/\1/p')"
  verify_checksum "$zip" "$module.zip"
  go install "$module" >&2
}

if [[ ! -x "$bin" || "$(installed_version)" != "$OPA_VERSION" ]]; then
  command -v go >/dev/null || { echo "opa.sh: Go is required to install OPA $OPA_VERSION" >&2; exit 1; }
  step "building OPA $OPA_VERSION from the Go module proxy (a few minutes, once)" install_opa
fi
echo "$bin"
