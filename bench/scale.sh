#!/usr/bin/env bash
# Scaling out, measured: PostgreSQL, Kafka and OpenSearch started on loopback (the test harnesses: a throwaway
# PostgreSQL cluster from Debian's postgresql package, a KRaft broker and an OpenSearch node from the jars the build
# copies under target/), then, in one run on the same machine, the embedded default (one process) and the scaled-out
# setup (a poller, 1 then 2 workers and a web node, each its own JVM) watching simulated publishers on loopback.
# Prints one table: offered and visible articles/s (streamed by the web node), publication-to-visible p50/p95, and
# CPU-seconds per 1,000 articles in total and per process (utime + stime from /proc).
#   bench/scale.sh [--publishers 40] [--rate 150] [--warmup 15] [--seconds 30] [--heap 256m]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/.ci/java-env.sh"
cd "$root"
# process-test-classes copies the Kafka broker's jars and builds the OpenSearch node under target/
mvn -B -q -o process-test-classes >&2 || mvn -B -q process-test-classes >&2
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
exec "$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp "$cp" \
  org.worldwire.app.ScaleBench "$@"
