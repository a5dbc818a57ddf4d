# Sourced by ./tollgate, the test, benchmark and tools scripts: selects a JDK 22+ (Helidon 4 needs 21, the
# on-device model's FFM calls 22; the machine's default java may be older) and exports JAVA_HOME and PATH.
java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }

find_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 22 ]; then
    echo "$JAVA_HOME"; return
  fi
  local dir
  for dir in /usr/lib/jvm/temurin-*-jdk* /usr/lib/jvm/*; do
    if [ -x "$dir/bin/javac" ] && [ "$(java_major "$dir")" -ge 22 ]; then echo "$dir"; return; fi
  done
  echo "tollgate: no JDK 22+ found; set JAVA_HOME" >&2
  return 1
}

JAVA_HOME="$(find_java_home)"
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

# The JVM options of every java the launcher and the scripts run, as java "${JVM_OPTIONS[@]}" (TollgateScriptTest
# checks each). XStream, which Drools uses, reads fields through sun.misc.Unsafe: from JDK 24 the JVM warns about
# that on stderr (JEP 498), ahead of the command's own output.
# --sun-misc-unsafe-memory-access=allow (JEP 471, JDK 23 on; JDK 22 refuses it) is the supported way to keep it quiet.
JVM_OPTIONS=(--enable-native-access=ALL-UNNAMED)
java_release="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release" 2>/dev/null || true)"
if [ "${java_release:-$(java_major "$JAVA_HOME")}" -ge 23 ]; then
  JVM_OPTIONS+=(--sun-misc-unsafe-memory-access=allow)
fi
