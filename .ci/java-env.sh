# Sourced by the launcher and the test scripts: points JAVA_HOME at a JDK 25 (Temurin's on our machines).
if [[ -z "${JAVA_HOME:-}" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/java-25-openjdk-*; do
    if [[ -x "$candidate/bin/java" ]]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
if [[ -z "${JAVA_HOME:-}" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
  echo "worldwire: needs a JDK 25 (Temurin 25 under /usr/lib/jvm, or JAVA_HOME pointing at one)" >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
