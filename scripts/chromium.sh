#!/usr/bin/env bash
# Prints the paths of a headless Chromium and its chromedriver, one a line, installing Debian's chromium and
# chromium-driver packages when they are missing: the console's browser tests drive them through Selenium.
# apt-get runs as root, or through sudo.
set -euo pipefail

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  command -v apt-get >/dev/null || { echo "chromium.sh: install chromium and chromedriver (no apt-get here)" >&2; exit 1; }
  as_root=()
  [[ "$(id -u)" == 0 ]] || as_root=(sudo)
  echo "chromium.sh: installing Debian's chromium and chromium-driver packages for the browser tests (once)" >&2
  "${as_root[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver >&2
fi
command -v chromium
command -v chromedriver
