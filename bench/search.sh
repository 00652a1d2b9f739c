#!/usr/bin/env bash
# Search at a million articles: builds (or reuses) a Lucene index of a generated year of world news (ten languages,
# 5,000 sources of Zipf-skewed output, headlines naming an event and a place, a year of dates), printing a progress
# bar and the time it took, the index's size on disk and the heap used; then the CPU time per query of each kind,
# and, open loop (latency counted from each query's intended send time), queries/s with p50/p99 at each offered rate
# for a fixed mix of real-looking queries: one word, two words, a phrase, with a filter, with facets.
# Runs with the launcher's default memory (a 100 MB heap; WORLDWIRE_MAX_MEMORY and WORLDWIRE_JAVA_OPTS apply).
# Usage: bench/search.sh [--index DIR (.bench/search-index)] [--articles N (1000000)] [--rates 500,2000] [--seconds 20]
# The index is reused while it holds at least N articles; delete the directory to time a build from scratch.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
index="$root/.bench/search-index"
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --index) index=$2; shift 2 ;;
    --articles|--rates|--seconds|--threads|--sources|--seed) args+=("$1" "$2"); shift 2 ;;
    *) echo "search.sh: unknown argument $1 (see the header of this script)" >&2; exit 2 ;;
  esac
done
mkdir -p "$(dirname "$index")"
exec "$root/worldwire" bench search --index "$index" "${args[@]}"
