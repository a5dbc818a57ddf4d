#!/usr/bin/env bash
# Runs one of the offline tools, which the runtime jar does not hold (the tools/ module: NER training, the PII
# evaluation command and the evaluation-set generators, the SLM benchmark): compiles engine and tools, then runs
# the main class with the remaining arguments, for example
#   scripts/tools.sh dev.tollgate.pii.eval.EvaluateCommand --set eval/independent/dev.jsonl
# Environment: TOLLGATE_BUILD_DIR (default: engine/target and tools/target) for parallel builds of one tree, built
# into its engine/ and tools/ subdirectories; MVN_OPTS, e.g. -o.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/java-env.sh"
MAIN="$1"
shift
DIRS=()
TOOLS_BUILD="$ROOT/tools/target"
if [ -n "${TOLLGATE_BUILD_DIR:-}" ]; then
  TOOLS_BUILD="$TOLLGATE_BUILD_DIR/tools"
  DIRS=(-Dtollgate.build.dir="$TOLLGATE_BUILD_DIR/engine" -Dtollgate.tools.build.dir="$TOOLS_BUILD")
fi
# -pl tools -am: the engine is built first and the tools' class path names its classes; the tools write the file last.
mvn -B -q ${MVN_OPTS:-} -f "$ROOT/pom.xml" -pl tools -am "${DIRS[@]}" compile dependency:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile="$TOOLS_BUILD/classpath.txt"
exec java "${JVM_OPTIONS[@]}" -cp "$TOOLS_BUILD/classes:$(cat "$TOOLS_BUILD/classpath.txt")" "$MAIN" "$@"
