#!/usr/bin/env bash
# Builds the OpenNLP NER model (PERSON, LOCATION, ORGANIZATION in en/de/fr/es/it) from the corpus the project
# generates, caches it as .cache/models/ner-<key>.bin and prints the training report. The key hashes the corpus
# generator, its templates, the trainer and feature settings and the versions of the knowledge packages (ICU4J,
# Datafaker, and the PyPI packages scripts/knowledge.sh fetches; see docs/pii.md): an unchanged tree reuses the
# cached model and only prints the stored report. Prints the model path on its last line.
# Environment: TOLLGATE_BUILD_DIR (default engine/target) for parallel builds of one tree; MVN_OPTS, e.g. -o.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# A cheap up-to-date check before Maven and the trainer's own key: the key is computed from the engine's sources
# and build files and the knowledge this script's companion fetches, so while none of them changed (their digest
# names a stamp holding the last report) the model the stamp names is still the one the key would choose.
INPUTS="$(cd "$ROOT" && find engine/src/main engine/pom.xml pom.xml scripts/knowledge.sh scripts/train-ner.sh \
  -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)"
STAMP="$ROOT/.cache/models/inputs-$INPUTS.report.txt"
if [ -f "$STAMP" ] && [ -f "$(tail -n 1 "$STAMP")" ]; then
  cat "$STAMP"
  exit 0
fi
source "$ROOT/scripts/java-env.sh"
BUILD="${TOLLGATE_BUILD_DIR:-$ROOT/engine/target}"
echo "train-ner.sh: the engine's sources changed since the last run: compiling and checking the NER model's key" >&2
"$ROOT/scripts/knowledge.sh" >/dev/null
mvn -B -q ${MVN_OPTS:-} -f "$ROOT/engine/pom.xml" -Dtollgate.build.dir="$BUILD" compile \
    dependency:build-classpath -Dmdep.outputFile="$BUILD/runtime-classpath.txt"
mkdir -p "$ROOT/.cache/models"
trap 'rm -f "$STAMP.partial.$$"' EXIT
java -cp "$BUILD/classes:$(cat "$BUILD/runtime-classpath.txt")" dev.tollgate.pii.ner.NerTrainer "$ROOT" \
  | tee "$STAMP.partial.$$"
mv "$STAMP.partial.$$" "$STAMP"
