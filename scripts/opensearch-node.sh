#!/usr/bin/env bash
# Runs one OpenSearch node on loopback in the foreground, for benchmarks and trying the scaled-out search by hand:
#   scripts/opensearch-node.sh DIR [HTTP_PORT] [HEAP]       (defaults: 9200, 384m; transport port = HTTP_PORT + 100)
# DIR keeps the node's data across runs (delete it for a fresh node). It prints
# "opensearch node started http=127.0.0.1:PORT ms=N" once it answers; SIGTERM or Ctrl-C stops it cleanly.
# The node's jars are built into target/opensearch-node (the same node the @Tag("opensearch") tests start);
# they are copied there by the test build, so the first run builds them (no tests are run).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/.ci/java-env.sh"
dir=${1:?usage: scripts/opensearch-node.sh DIR [HTTP_PORT] [HEAP]}
http=${2:-9200}
heap=${3:-384m}
node="$root/target/opensearch-node"
if [[ ! -f "$node/classes/org/worldwire/opensearchnode/OpenSearchNodeMain.class" ]]; then
  (cd "$root" && mvn -q -B dependency:copy@opensearch-node-classpath antrun:run@opensearch-node-main) >&2
fi
mkdir -p "$dir"
exec java -Xms"$heap" -Xmx"$heap" -XX:+UseSerialGC -Xss512k -Djava.awt.headless=true \
  --enable-native-access=ALL-UNNAMED \
  -cp "$node/classes:$node/lib/*" org.worldwire.opensearchnode.OpenSearchNodeMain "$dir" "$http" $((http + 100))
