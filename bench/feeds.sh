#!/usr/bin/env bash
# Feed parser figures: the conformance check (when the suite sits in ../shared beside the repository) and the
# single-thread throughput of our parser against ROME on the same corpus, measured by JMH.
#   bench/feeds.sh            conformance + throughput
#   bench/feeds.sh --quick    shorter JMH runs (noisier)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/.ci/java-env.sh"
cd "$root"

offline=-o
mvn -B -q $offline test-compile -DskipTests >/dev/null 2>&1 || { offline=; mvn -B -q test-compile -DskipTests; }
cpfile=$(mktemp)
trap 'rm -f "$cpfile" "${results:-}"' EXIT
mvn -B -q $offline dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
cp="target/test-classes:target/classes:$(cat "$cpfile")"

source "$root/bench/jvm.sh"
jvm_line -Xmx1g
suite="$root/../shared/bench/feeds"
if [[ -f "$suite/dev/cases.jsonl" && -f "$suite/check.py" ]]; then
  results=$(mktemp)
  java -Xmx1g -cp "$cp" org.worldwire.cli.Main parse-feed --cases "$suite/dev/cases.jsonl" --root "$suite/dev" > "$results"
  echo "feed conformance (dev half): $(python3 "$suite/check.py" "$suite/dev/cases.jsonl" "$results" | tail -1)"
else
  echo "feed conformance: suite not found beside the repository, skipped"
fi

jmh_args=()
if [[ "${1:-}" == "--quick" ]]; then jmh_args=(-Dworldwire.bench.quick=true); fi
java -Xmx1g "${jmh_args[@]}" -cp "$cp" org.worldwire.feed.bench.FeedParserBenchmark "$suite/dev"
