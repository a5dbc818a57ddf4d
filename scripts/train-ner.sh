#!/usr/bin/env bash
# Builds the OpenNLP NER model (PERSON, LOCATION, ORGANIZATION in en/de/fr/es/it) from the corpus the project
# generates, caches it as .cache/models/ner-<key>.bin and prints the training report. The key hashes the sources
# of the corpus generator, its templates, the trainer and feature settings and the versions of the knowledge packages (ICU4J,
# Datafaker, and the PyPI packages scripts/knowledge.sh fetches; see docs/pii.md): an unchanged tree reuses the
# cached model and only prints the stored report. Prints the model path on its last line.
# Environment: as scripts/tools.sh, which builds and runs the trainer (TOLLGATE_BUILD_DIR, MVN_OPTS).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/knowledge.sh" >/dev/null
exec "$ROOT/scripts/tools.sh" dev.tollgate.pii.ner.NerTrainer "$ROOT"
