#!/usr/bin/env bash
# Indexing time and search latency of the search adapters over the generated news of bench/search.sh (ten
# languages; SearchIndexBench): the articles go in through SearchIndex.indexAll in batches, then 500 queries drawn
# from their own title words (words, pairs, phrases, prefixes, OR, a country filter; news order, 20 highlighted hits, facets on a
# third of them) run one at a time after a warm-up of 100. Prints the indexing time and articles/s, then p50/p90/p99.
# Usage: bench/search-index.sh [--engine opensearch|lucene] [--articles N (10000)] [--batch N (1000)]
#                              [--queries N (500)] [--url http://127.0.0.1:PORT]
#   --engine opensearch (default) starts its own node as the tests do (384 MB heap, loopback) and prints how long
#   it took to answer, unless --url names a running one (scripts/opensearch-node.sh starts one); lucene runs in this
#   JVM on a temporary directory. The client JVM gets a 512 MB heap.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/.ci/java-env.sh"
cd "$root"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# test-compile builds the tests and, with process-test-classes, the OpenSearch node in target/opensearch-node
mvn -B -q -o process-test-classes >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; echo "search-index.sh: build failed" >&2; exit 1; }
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt" >/dev/null 2>&1
cp="target/test-classes:target/classes:$(cat "$out/cp.txt")"
echo "load before: $(uptime | sed 's/.*load average/load average/')"
"$JAVA_HOME/bin/java" -Xmx512m --enable-native-access=ALL-UNNAMED -cp "$cp" org.worldwire.search.opensearch.SearchIndexBench "$@"
echo "load after:  $(uptime | sed 's/.*load average/load average/')"
