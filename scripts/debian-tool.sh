#!/usr/bin/env bash
# usage: debian-tool.sh COMMAND PACKAGE
# Prints the path of COMMAND, installing Debian's PACKAGE (which carries it) when it is missing: the test suite
# checks configuration files with such tools. apt-get runs as root, or through sudo.
set -euo pipefail
tool="$1" package="$2"

if ! command -v "$tool" >/dev/null; then
  command -v apt-get >/dev/null || { echo "debian-tool.sh: install $tool (Debian's $package; no apt-get here)" >&2; exit 1; }
  as_root=()
  [[ "$(id -u)" == 0 ]] || as_root=(sudo)
  echo "debian-tool.sh: installing Debian's $package package for $tool (once)" >&2
  "${as_root[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "$package" >&2
fi
command -v "$tool"
