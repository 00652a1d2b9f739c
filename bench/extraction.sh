#!/usr/bin/env bash
# Extraction benchmark: quality (F1 on the dev pages, scored by the shared scorer) and speed (pages/s of
# `worldwire extract --batch --repeat N`, single thread, against Mozilla Readability with jsdom on the same pages).
# Needs the shared benchmark kit beside the repository (../shared/bench/extraction); skips cleanly without it.
# Also prints the snippet F1 on the project's own held-out pages (labelled "own held-out set"), apart from the
# dev figure, which keeps its form.
# Usage: bench/extraction.sh [--repeat N] [--skip-readability] [--jmh]
#   --jmh  also runs the JMH benchmark of the hot path (ArticleExtractorBenchmark) over the same pages
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kit="$root/../shared/bench/extraction"
repeat=10
skip_readability=0
jmh=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repeat) repeat="$2"; shift 2 ;;
    --skip-readability) skip_readability=1; shift ;;
    --jmh) jmh=1; shift ;;
    *) echo "usage: bench/extraction.sh [--repeat N] [--skip-readability] [--jmh]" >&2; exit 2 ;;
  esac
done
if [[ ! -d "$kit/dev" ]]; then
  echo "extraction bench: no benchmark kit at ../shared/bench/extraction, nothing to measure"
  exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Build once, then run the jar directly on one core so the figure is single-threaded extraction.
"$root/worldwire" --version >/dev/null
source "$root/.ci/java-env.sh"
java_run=("$JAVA_HOME/bin/java" -Xmx1g -XX:+UseSerialGC -XX:ActiveProcessorCount=1 -jar "$root/target/worldwire.jar")
source "$root/bench/jvm.sh"
jvm_line -Xmx1g -XX:+UseSerialGC -XX:ActiveProcessorCount=1

echo "== quality: worldwire extract --batch on $(ls "$kit"/dev/*.html | wc -l) dev pages"
"${java_run[@]}" extract --batch "$kit/dev" --out "$out/ours.json" >/dev/null
python3 "$kit/score.py" "$kit/dev/truth.json" "$out/ours.json" | tee "$out/score.txt"
f1=$(tail -1 "$out/score.txt" | awk '{print $2}')

# The project's own held-out pages (forums, shop, docs, blog, non-English news, legacy encodings): a check
# that the dev-set figure is not bought with rules that only fit news pages. Printed apart, after the dev figure.
own="$root/src/test/resources/org/worldwire/extract/heldout"
if [[ -f "$own/truth.json" ]]; then
  "${java_run[@]}" extract --batch "$own" --out "$out/own.json" >/dev/null
  own_f1=$(python3 "$kit/score.py" "$own/truth.json" "$out/own.json" | tail -1 | awk '{print $2}')
  echo "own held-out set (src/test/resources/.../extract/heldout, $(ls "$own"/*.html | wc -l) pages, snippet F1): $own_f1"
fi

echo "== speed: worldwire, --repeat $repeat"
ours=$("${java_run[@]}" extract --batch "$kit/dev" --out "$out/ours-speed.json" --repeat "$repeat" | tail -1)
echo "$ours"
ours_pps=$(echo "$ours" | awk '{printf "%.1f", $2 / $4}')
echo "worldwire pages/s $ours_pps"

echo "== memory: a generated 20 MB page must extract within a 120 MB heap (6x its size)"
python3 - "$out/big.html" <<'PY'
import random, sys
random.seed(1)
words = "the of and to in a is that for on with as was at by news city said government people year market report".split()
with open(sys.argv[1], "w") as f:
    f.write("<html><head><title>Big page</title></head><body><nav><a href='/'>Home</a></nav><article>")
    n = 0
    while n < 20_000_000:
        s = '<div class="x"><span><p>' + " ".join(random.choice(words) for _ in range(60)) + ".</p></span></div>\n"
        f.write(s)
        n += len(s)
    f.write("</article></body></html>")
PY
if "$JAVA_HOME/bin/java" -Xmx120m -XX:+UseSerialGC -jar "$root/target/worldwire.jar" extract --batch "$out" --out "$out/big.json" >/dev/null 2>&1; then
  echo "memory: 20 MB page extracted with -Xmx120m: ok"
else
  echo "memory: 20 MB page did NOT extract within -Xmx120m"
fi
rm -f "$out/big.html"

if [[ $jmh -eq 1 ]]; then
  echo "== JMH: ArticleExtractorBenchmark (pages/s, single thread)"
  (cd "$root" && mvn -B -q -o test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt" >/dev/null 2>&1)
  "$JAVA_HOME/bin/java" -cp "$root/target/test-classes:$root/target/classes:$(cat "$out/cp.txt")" org.openjdk.jmh.Main \
    ArticleExtractorBenchmark -p pages="$kit/dev" -wi 2 -i 3 -w 5 -r 5 2>/dev/null | tail -2
fi

if [[ $skip_readability -eq 1 ]]; then
  echo "F1 $f1 worldwire_pages_per_s $ours_pps"
  exit 0
fi
rb="$root/bench/readability"
if [[ ! -d "$rb/node_modules" ]]; then
  (cd "$rb" && npm install --no-audit --no-fund --silent)
fi
# Readability is ~10x slower per page: fewer passes keep the run short without changing pages/s much.
rrepeat=$(( repeat > 2 ? 2 : repeat ))
echo "== speed: Mozilla Readability + jsdom, --repeat $rrepeat"
theirs=$(node "$rb/run.js" "$kit/dev" --repeat "$rrepeat" | tail -1)
echo "$theirs"
theirs_pps=$(echo "$theirs" | awk '{printf "%.2f", $2 / $4}')
echo "readability pages/s $theirs_pps"
ratio=$(awk -v a="$ours_pps" -v b="$theirs_pps" 'BEGIN {printf "%.1f", a / b}')
echo "F1 $f1 worldwire_pages_per_s $ours_pps readability_pages_per_s $theirs_pps ratio ${ratio}x"
