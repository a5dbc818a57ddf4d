#!/usr/bin/env bash
# Prints the paths of a headless Chromium and its chromedriver, one a line, installing Debian's chromium and
# chromium-driver packages when they are missing: the console's browser tests drive them through Selenium.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
"$here/debian-tool.sh" chromium chromium
"$here/debian-tool.sh" chromedriver chromium-driver
