#!/usr/bin/env bash
# Installs what the test suite lints and validates with (openapi-spec-validator, hadolint; pinned with their
# SHA-256 in scripts/lint-requirements.txt) into <repo>/.cache/lint-venv and prints the venv's bin directory on the
# last line. The venv is rebuilt only when the requirements file changes; pip's cache is <repo>/.cache/pip.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$repo/.cache/lint-venv"
source "$repo/scripts/venv-lib.sh"
venv_install "$venv" "$repo/scripts/lint-requirements.txt" "$repo/.cache/lint-install.lock"
echo "$venv/bin"
