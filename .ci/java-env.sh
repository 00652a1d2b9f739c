# Sourced by the launcher and the test scripts: points JAVA_HOME at a JDK 25 (Temurin's on our machines).
# A JDK's version is read from its `release` file: running `java -version` to ask cost the launcher a tenth of a
# second or more of every start (twice when JAVA_HOME was set).
is_jdk25() {
  [[ -n "${1:-}" && -x "$1/bin/java" ]] || return 1
  if [[ -f "$1/release" ]]; then
    local line # read in the shell, not by grep: a fork is a few milliseconds of every start
    while IFS= read -r line || [[ -n "$line" ]]; do [[ "$line" == 'JAVA_VERSION="25'* ]] && return 0; done <"$1/release"
    return 1
  fi
  "$1/bin/java" -version 2>&1 | grep -q 'version "25'
}
if ! is_jdk25 "${JAVA_HOME:-}"; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/java-25-openjdk-*; do
    if is_jdk25 "$candidate"; then export JAVA_HOME="$candidate"; break; fi
  done
fi
if ! is_jdk25 "${JAVA_HOME:-}"; then
  echo "worldwire: needs a JDK 25 (Temurin 25 under /usr/lib/jvm, or JAVA_HOME pointing at one)" >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
