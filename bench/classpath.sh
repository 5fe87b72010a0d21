# Sourced by the bench scripts: builds the jar and the benchmark classes if needed, sets JAVA and CP.
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/java}"
if [ -z "$JAVA" ] || ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA="$( (ls -d /usr/lib/jvm/*-2[1-9]* /usr/lib/jvm/*-[3-9][0-9]* 2>/dev/null || true) | sort -V | tail -1)/bin/java"
fi
if [ "${BUILD:-0}" = 1 ] || ! ls target/team365-*.jar >/dev/null 2>&1 || [ ! -d target/test-classes/io/team365/bench ]; then
  mvn -q -B -o package -DskipTests -Dspotless.check.skip=true
fi
if [ ! -f target/bench-classpath.txt ] || [ pom.xml -nt target/bench-classpath.txt ]; then
  mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
