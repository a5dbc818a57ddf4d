#!/usr/bin/env bash
# Prints the path of promtool, installing Debian's prometheus package (which carries it) when it is missing:
# the test suite checks docker/prometheus/alerts.yml with it. apt-get runs as root, or through sudo.
set -euo pipefail

if ! command -v promtool >/dev/null; then
  command -v apt-get >/dev/null || { echo "promtool.sh: install Prometheus's promtool (no apt-get here)" >&2; exit 1; }
  as_root=()
  [[ "$(id -u)" == 0 ]] || as_root=(sudo)
  echo "promtool.sh: installing Debian's prometheus package for promtool (once)" >&2
  "${as_root[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends prometheus >&2
fi
command -v promtool
