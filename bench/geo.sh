#!/usr/bin/env bash
# Country tagging benchmark: runs `worldwire geotag` on the geo bench set beside the repository (../shared) when
# it is there, scores it, and prints micro P/R/F1 and the throughput (articles/s, one thread).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
set_dir="${1:-$root/../shared/bench/geo/dev}"
scorer="$root/../shared/bench/geo/score.py"
if [[ ! -f "$set_dir/articles.jsonl" || ! -f "$scorer" ]]; then
  echo "bench/geo: no benchmark set at $set_dir (needs articles.jsonl, truth.jsonl and ../score.py); skipped" >&2
  exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
source "$root/.ci/java-env.sh"
source "$root/bench/jvm.sh"
jvm_line $(launcher_jvm_options)
# Warm-up passes first, so the figure is the steady one of a long-running server, not the JIT start-up: after five
# passes (~1,800 articles) the JIT had often not settled, and the figure swung between ~900 and ~4,000 articles/s.
"$root/worldwire" geotag --warm-passes "${GEO_WARM_PASSES:-30}" --in "$set_dir/articles.jsonl" > "$out/pred.jsonl" 2> "$out/stderr"
python3 "$scorer" "$set_dir/truth.jsonl" "$out/pred.jsonl" | sed -n '2p;$p'
grep -o "[0-9]* articles/s on one core ([^)]*)" "$out/stderr" || cat "$out/stderr" >&2
