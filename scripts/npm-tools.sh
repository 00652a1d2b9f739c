#!/usr/bin/env bash
# Installs the npm tools the test suite drives (pinned versions) into .tools/npm, once.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir="$root/.tools/npm"
want="@redocly/cli@2.77.0 lighthouse@12.8.2"
if [[ -x "$dir/node_modules/.bin/redocly" && -x "$dir/node_modules/.bin/lighthouse" ]]; then exit 0; fi
mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error $want >/dev/null
