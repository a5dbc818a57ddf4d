#!/usr/bin/env bash
# Prints the path of promtool, installing Debian's prometheus package (which carries it) when it is missing:
# the test suite checks docker/prometheus/alerts.yml with it.
exec "$(dirname "${BASH_SOURCE[0]}")/debian-tool.sh" promtool prometheus
