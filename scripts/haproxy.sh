#!/usr/bin/env bash
# Prints the path of haproxy, installing Debian's haproxy package when it is missing: the test suite checks
# docker/haproxy/haproxy.cfg with it and runs replicas behind it. apt-get runs as root, or through sudo.
set -euo pipefail

if ! command -v haproxy >/dev/null; then
  command -v apt-get >/dev/null || { echo "haproxy.sh: install HAProxy (no apt-get here)" >&2; exit 1; }
  as_root=()
  [[ "$(id -u)" == 0 ]] || as_root=(sudo)
  echo "haproxy.sh: installing Debian's haproxy package (once)" >&2
  "${as_root[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends haproxy >&2
fi
command -v haproxy
