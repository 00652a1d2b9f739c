#!/usr/bin/env bash
# Story clustering benchmark: runs `worldwire cluster` on the labelled dev stream beside the repository (../shared)
# when it is there, and scores it: pairwise and BCubed P/R/F1 (score.py), then articles/s and the peak heap.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
articles="${1:-$root/../shared/bench/clustering/dev/articles.jsonl}"
scorer="$root/../shared/bench/clustering/score.py"
if [[ ! -f "$articles" || ! -f "$scorer" ]]; then
  echo "bench/clustering: no benchmark stream at $articles (needs it and ../score.py); skipped" >&2
  exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$root/worldwire" cluster --in "$articles" --out "$out/pred.jsonl" 2> "$out/stderr"
python3 "$scorer" "$articles" "$out/pred.jsonl" | grep -E '^(pairwise|BCubed|F1)'
grep -o "[0-9,]* articles (.*" "$out/stderr" || cat "$out/stderr" >&2
