#!/bin/sh
# The image's entry point: `tollgate serve`, configured by the environment (TOLLGATE_*, set in the Dockerfile)
# and by the arguments given to `docker run IMAGE ...` (serve's flags). JAVA_OPTS holds the JVM's options, e.g.
# "-Xmx512m" or "-XX:MaxRAMPercentage=75". TOLLGATE_CLASSPATH replaces the image's jar (the test suite runs this
# script outside Docker on its build's class path).
# The image's JDK 25 warns on stderr that XStream (under Drools) uses sun.misc.Unsafe: allowed quietly, as the
# launcher does (scripts/java-env.sh). JAVA_OPTS comes after it, so "--sun-misc-unsafe-memory-access=debug" there wins.
set -eu
# JAVA_OPTS is split into words on purpose: it holds several options.
# shellcheck disable=SC2086
exec java --sun-misc-unsafe-memory-access=allow ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED \
    -cp "${TOLLGATE_CLASSPATH:-/opt/tollgate/tollgate.jar}" dev.tollgate.cli.TollgateCli serve "$@"
