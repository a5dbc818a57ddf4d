#!/usr/bin/env bash
# Installs the official OpenAI Python client (pinned in engine/src/test/python/requirements.txt) into
# <repo>/.cache/openai-venv and prints the venv's python on the last line, for OpenAiPythonClientTest:
#   export TOLLGATE_OPENAI_PYTHON="$(scripts/openai-client.sh | tail -n 1)"
# The venv is rebuilt only when the requirements file changes (a stamp keeps its hash); pip's cache is
# <repo>/.cache/pip. Progress goes to stderr.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
requirements="$repo/engine/src/test/python/requirements.txt"
venv="$repo/.cache/openai-venv"
stamp="$venv/.requirements.sha256"

say() { echo "openai-client.sh: $*" >&2; }

ensure_venv_module() {
  if python3 -c 'import ensurepip, venv' 2>/dev/null; then
    return
  fi
  local minor
  minor="$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
  say "installing python$minor-venv with apt"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python$minor-venv" >&2 \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >&2
}

install_if_changed() {
  local want
  want="$(sha256sum "$requirements" | cut -d' ' -f1)"
  if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return
  fi
  ensure_venv_module
  say "installing $(basename "$requirements") into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check --cache-dir "$repo/.cache/pip" -r "$requirements" >&2
  echo "$want" >"$stamp"
}

# A lock, so that two runs at once (parallel test JVMs) do not build the venv over each other.
mkdir -p "$repo/.cache"
(
  flock 9
  install_if_changed
) 9>"$repo/.cache/openai-install.lock"
echo "$venv/bin/python"
