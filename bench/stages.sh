#!/usr/bin/env bash
# Time per article of each ingest stage: extraction, language identification, geotagging, story clustering (copy
# detection included), Lucene indexing and the SQLite writes, measured by JMH (IngestStagesBenchmark) over articles
# the publisher simulator publishes and serves on loopback, one article per operation, single thread. The forked JVM
# gets the launcher's default heap and collector (`worldwire --jvm-options`; WORLDWIRE_MAX_MEMORY and
# WORLDWIRE_JAVA_OPTS apply), so the figures hold under the default memory budget.
# Prints one line per stage: µs/article (JMH average time), the articles/s that is on one core, and the CPU time of
# the benchmark thread per article; then their sums.
# Usage: bench/stages.sh [--articles N (1500)] [--quick] [--only REGEX]
#   --quick        one warmup and two measured iterations instead of 3 and 5 (noisier)
#   --only REGEX   only the benchmark methods matching, e.g. 'store.*' (the sum is then left out)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
articles=1500 quick=0 only=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --articles) articles=$2; shift 2 ;;
    --quick) quick=1; shift ;;
    --only) only=$2; shift 2 ;;
    *) echo "stages.sh: unknown argument $1 (see the header of this script)" >&2; exit 2 ;;
  esac
done
[[ "$articles" =~ ^[0-9]+$ && "$articles" -ge 1 ]] || { echo "stages.sh: --articles takes a whole number >= 1" >&2; exit 2; }
source "$root/.ci/java-env.sh"
cd "$root"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

mvn -B -q -o test-compile >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; echo "stages.sh: build failed" >&2; exit 1; }
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt" >/dev/null 2>&1
cp="target/test-classes:target/classes:$(cat "$out/cp.txt")"

source "$root/bench/jvm.sh"
read -r -a jvm <<<"$(launcher_jvm_options)"
# as the launcher: few malloc arenas; SQLite's driver loads its native library
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-1}
jvm+=(--enable-native-access=ALL-UNNAMED)
jvm_line "${jvm[@]}"
iterations=(-wi 3 -i 5)
[[ $quick -eq 1 ]] && iterations=(-wi 1 -i 2)
pattern='org\.worldwire\.ingest\.IngestStagesBenchmark\.'${only:-.*}'$'
echo "load before: $(uptime | sed 's/.*load average/load average/')"
"$JAVA_HOME/bin/java" -cp "$cp" org.openjdk.jmh.Main "$pattern" -f 1 "${iterations[@]}" -w 1s -r 1s \
  -jvmArgs "${jvm[*]}" -p articles="$articles" -rf csv -rff "$out/results.csv" >"$out/jmh.log" 2>&1 \
  || { tail -50 "$out/jmh.log" >&2; echo "stages.sh: JMH failed" >&2; exit 1; }
echo "load after:  $(uptime | sed 's/.*load average/load average/')"
grep -i "recorded inside the measurement" "$out/jmh.log" || true

# The CPU time of the benchmark thread per article (printed by the forks) goes beside each average time: on a loaded
# machine the average time includes waiting for a core, the CPU time does not.
grep -o 'cpu-per-article [A-Za-z]* [0-9.]*' "$out/jmh.log" | awk '{print $2 "," $3}' >"$out/cpu.csv" || true
[[ -s "$out/cpu.csv" ]] || echo "none,0" >"$out/cpu.csv" # awk reads the first file as the CPU table
# results.csv: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit",params...
awk -F, -v articles="$articles" '
  FNR == NR { cpu[$1] = $2; next }
  FNR == 1 { next }
  { gsub(/"/, ""); n = split($1, parts, "."); score[parts[n]] = $5; err[parts[n]] = $6 }
  function line(label, key) {
    if (!(key in score)) return
    printf "%-46s %9.1f ± %-7.1f %8.0f   %9s %8s\n", label, score[key], err[key], 1e6 / score[key],
      (key in cpu) ? cpu[key] : "?", (key in cpu) ? sprintf("%.0f", 1e6 / cpu[key]) : "?"
  }
  function total(keys, table,   k, i, t) {
    split(keys, k, " "); t = 0
    for (i in k) { if (!(k[i] in table)) return -1; t += table[k[i]] }
    return t
  }
  END {
    print "                                               average time per article   |  CPU time of the thread"
    print "stage (corpus of " articles " simulated articles)     µs/article ± 99.9%  art./s/core | µs/article art./s"
    line("extraction (ArticleExtractor.extract)", "extract")
    line("language ID (Enrichment.language)", "language")
    line("geotagging (Enrichment.places)", "geotag")
    line("clustering (StoryClusterer.add, copies incl.)", "cluster")
    line("  of which copy detection (CopyDetector)", "copyCheck")
    line("indexing (LuceneSearchIndex.index)", "index")
    line("store: pending entry (IngestQueue.enqueue)", "storeEntry")
    line("store: article (IngestQueue.complete)", "storeArticle")
    line("store: article + story (+ StoryStore.place)", "storeArticleAndStory")
    if (("storeArticleAndStory" in score) && ("storeArticle" in score))
      printf "%-46s %9.1f   %-7s %8s   %9s\n", "  of which story record (difference)",
        score["storeArticleAndStory"] - score["storeArticle"], "", "",
        (("storeArticleAndStory" in cpu) && ("storeArticle" in cpu)) ? sprintf("%.1f", cpu["storeArticleAndStory"] - cpu["storeArticle"]) : "?"
    stages = "extract language geotag cluster index storeEntry storeArticleAndStory"
    t = total(stages, score); c = total(stages, cpu)
    cs = (c > 0) ? sprintf("%.1f", c) : "?"
    if (t > 0) printf "%-46s %9.1f   %-7s %8.0f   %9s %8s\n", "sum (all but the \"of which\" lines)", t, "", 1e6 / t, cs,
      (c > 0) ? sprintf("%.0f", 1e6 / c) : "?"
  }' "$out/cpu.csv" "$out/results.csv"
