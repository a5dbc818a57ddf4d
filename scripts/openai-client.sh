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
source "$repo/scripts/venv-lib.sh"
venv_install "$venv" "$requirements" "$repo/.cache/openai-install.lock"
echo "$venv/bin/python"
