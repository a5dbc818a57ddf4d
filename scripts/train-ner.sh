#!/usr/bin/env bash
# Builds the OpenNLP NER model (PERSON, LOCATION, ORGANIZATION in en/de/fr/es/it) from the corpus the project
# generates, caches it as .cache/models/ner-<key>.bin and prints the training report. The key hashes the corpus
# generator, its templates, the trainer and feature settings and the versions of the knowledge packages (ICU4J,
# Datafaker, and the PyPI packages scripts/knowledge.sh fetches; see docs/pii.md): an unchanged tree reuses the
# cached model and only prints the stored report. Prints the model path on its last line.
# Environment: TOLLGATE_BUILD_DIR (default engine/target) for parallel builds of one tree; MVN_OPTS, e.g. -o.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/java-env.sh"
BUILD="${TOLLGATE_BUILD_DIR:-$ROOT/engine/target}"
"$ROOT/scripts/knowledge.sh" >/dev/null
mvn -B -q ${MVN_OPTS:-} -f "$ROOT/engine/pom.xml" -Dtollgate.build.dir="$BUILD" compile \
    dependency:build-classpath -Dmdep.outputFile="$BUILD/runtime-classpath.txt"
java -cp "$BUILD/classes:$(cat "$BUILD/runtime-classpath.txt")" dev.tollgate.pii.ner.NerTrainer "$ROOT"
