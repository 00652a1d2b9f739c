#!/usr/bin/env bash
# Load run: the site and API under wrk while the pipeline ingests at full speed from loopback publishers.
# Prints requests/s, p99 latency and errors per endpoint. Usage: bench/load.sh [seconds-per-endpoint] [publishers]
# By default the server is `worldwire serve --demo` (the in-process publisher simulator); LOAD_RIG=1 runs the
# test tree's LoadRig instead (endless loopback feeds, one item per feed every LOAD_PERIOD_MS).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/.ci/java-env.sh"
duration=${1:-15}
feeds=${2:-40}
period_ms=${LOAD_PERIOD_MS:-500}
port=${LOAD_PORT:-18080}
command -v wrk >/dev/null || { echo "load.sh: needs wrk (Debian package 'wrk')" >&2; exit 1; }

cd "$root"
source "$root/bench/jvm.sh"
read -ra java_opts <<<"$(launcher_jvm_options)" # the launcher's memory defaults; WORLDWIRE_JAVA_OPTS overrides
jvm_line "${java_opts[@]}"
data=$(mktemp -d)
log="$data/server.log"
cp_file="$data/classpath"
if [[ "${LOAD_RIG:-0}" == 1 ]]; then
  mvn -B -q -o test-compile >&2
  mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
  cp="$root/target/test-classes:$root/target/classes:$(cat "$cp_file")"
  "$JAVA_HOME/bin/java" "${java_opts[@]}" \
    --enable-native-access=ALL-UNNAMED -cp "$cp" org.worldwire.app.LoadRig "$data/db" "$port" "$feeds" "$period_ms" \
    >"$log" 2>&1 &
else
  "$root/worldwire" serve --demo --demo-publishers "$feeds" --data "$data/db" --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
fi
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 600); do grep -qE "READY|worldwire serving" "$log" && break; sleep 1; done
grep -qE "READY|worldwire serving" "$log" || { echo "load.sh: server did not start:" >&2; tail -50 "$log" >&2; exit 1; }
# Wait for a first batch of articles so every page has something to show.
for _ in $(seq 1 120); do
  id=$(curl -s "$base/api/v1/articles?limit=1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2 || true)
  [[ -n "$id" ]] && break; sleep 1
done
[[ -n "${id:-}" ]] || { echo "load.sh: no article stored after 120 s" >&2; exit 1; }
# A word from a stored headline, so the search has hits whatever the publishers write about.
word=$(curl -s "$base/api/v1/articles?limit=20" | grep -o '"title":"[^"]*"' | tr -c 'A-Za-z\n' ' ' | tr ' ' '\n' \
  | awk 'length($0) >= 5 && $0 != "title"' | head -1)
word=${word:-news}
count() { curl -s "$base/metrics" | awk '/^worldwire_articles_stored_total/ {print int($2)}'; }
echo "articles stored before the run: $(count)"

printf '%-10s %10s %10s %10s %10s %8s\n' endpoint req/s p50 p99 requests errors
for spec in "home=/" "article=/article/$id" "search=/search?q=$word" "api=/api/v1/articles?limit=20"; do
  name=${spec%%=*}; path=${spec#*=}
  # A 10 s timeout, so slow answers count in the latency figures instead of vanishing as socket errors.
  out=$(wrk -t2 -c"${LOAD_CONNECTIONS:-32}" -d"${duration}s" --timeout 10s --latency "$base$path" 2>&1)
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  reqs=$(awk '/requests in/ {print $1}' <<<"$out")
  # Socket errors (connect, read, write, timeout) plus non-2xx answers.
  errs=$(awk '/Socket errors/ {gsub(",",""); for (i = 4; i <= NF; i += 2) s += $i} /Non-2xx/ {s += $NF} END {print s + 0}' <<<"$out")
  printf '%-10s %10s %10s %10s %10s %8s\n' "$name" "${rps:--}" "${p50:--}" "${p99:--}" "${reqs:-0}" "$errs"
  [[ -n "$reqs" && "$reqs" != 0 ]] || { echo "wrk said:" >&2; echo "$out" >&2; }
done
kill -0 "$server" 2>/dev/null || { echo "load.sh: the server died during the run:" >&2; tail -30 "$log" >&2; }
echo "articles stored after the run: $(count)"
