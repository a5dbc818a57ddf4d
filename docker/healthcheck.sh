#!/bin/bash
# The image's health check: exits 0 when GET /health/ready answers 200. HTTP/1.1 over bash's /dev/tcp, so the
# image needs no curl (Helidon answers HTTP/1.0 with 505). Asks TOLLGATE_HOST (loopback when the service listens
# on every interface) on TOLLGATE_PORT; gives up after HEALTHCHECK_TIMEOUT_S seconds (default 2).
set -euo pipefail
host="${TOLLGATE_HOST:-127.0.0.1}"
case "$host" in
  0.0.0.0 | :: | "") host=127.0.0.1 ;;
esac
exec 3<>"/dev/tcp/$host/${TOLLGATE_PORT:-8080}"
printf 'GET /health/ready HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$host" >&3
IFS= read -r -t "${HEALTHCHECK_TIMEOUT_S:-2}" status <&3
[[ "$status" == "HTTP/1.1 200 "* ]]
