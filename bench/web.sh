#!/usr/bin/env bash
# Serving under load from OUTSIDE the server's JVM: the web app over a real SQLite store and Lucene index seeded with
# a few thousand articles, while a writer keeps ingesting (WebLoad --serve), and `hey` (Debian's package, installed
# here when missing) offering a fixed rate to each page in turn: home, article, country, the API list and search.
# Prints per page the offered and achieved requests/s and p50/p99 latency, and the JVM the server ran with.
#   bench/web.sh [--rate 2000] [--seconds 10] [--warmup 5] [--articles 5000] [--ingest-per-second 20]
# Before measuring, every page gets the same load for --warmup seconds each: a server just started and seeded spends
# most of a core compiling for its first half minute or so under load (server CPU per 6 s window of 2,000 req/s on the
# home page: 4.7 s, then 2.7 s, then 0.55 s once settled, the difference mostly the JIT's C2 thread), so measuring
# the first page after a 3 s warm-up of the home page alone measured the compiler, not the page.
# The in-process open-loop generator (which measures from each request's due time) stays available:
#   bench/web.sh --in-process [its arguments]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/.ci/java-env.sh"
cd "$root"
rate=2000 seconds=10 warmup=5 articles=5000 ingest=20 in_process=0 rest=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --articles) articles=$2; shift 2 ;;
    --ingest-per-second) ingest=$2; shift 2 ;;
    --in-process) in_process=1; shift ;;
    *) rest+=("$1"); shift ;;
  esac
done
mvn -B -q -o test-compile >&2 || mvn -B -q test-compile >&2
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
# The launcher's memory defaults (the serving figures must hold with them); WORLDWIRE_JAVA_OPTS overrides.
source "$root/bench/jvm.sh"
read -ra java_opts <<<"$(launcher_jvm_options)"
jvm_line "${java_opts[@]}"

if ((in_process)); then
  exec "$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$cp" org.worldwire.web.WebLoad --rate "$rate" --seconds "$seconds" \
    --articles "$articles" --ingest-per-second "$ingest" "${rest[@]}"
fi

if ! command -v hey >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "bench/web: installing hey (Debian package)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null; }
  else
    echo "bench/web: needs hey (apt-get install hey)" >&2; exit 1
  fi
fi

pages=(home article country api search)
log=$(mktemp)
serve_seconds=$(( (seconds + warmup + 4) * ${#pages[@]} + 30 ))
"$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$cp" org.worldwire.web.WebLoad --serve --seconds "$serve_seconds" \
  --articles "$articles" --ingest-per-second "$ingest" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 300); do grep -q '^search ' "$log" && break; kill -0 $server 2>/dev/null || break; sleep 0.3; done
grep -q '^search ' "$log" || { echo "bench/web: the server did not start:" >&2; tail -20 "$log" >&2; exit 1; }
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\).*|\1|p' "$log" | head -1)
grep '^seeded\|^serving' "$log"

# hey: C workers, each limited to Q requests/s, so C*Q is the offered rate (each worker waits for its answer, so a
# slow page lowers the achieved rate instead of queueing: compare achieved with offered).
workers=50
per_worker=$(( (rate + workers - 1) / workers ))
echo "hey: ${workers} connections x ${per_worker} req/s = $((workers * per_worker)) req/s offered, ${seconds} s per page after ${warmup} s of warm-up per page, while ingesting ${ingest} articles/s"
declare -A path_of
for page in "${pages[@]}"; do path_of[$page]=$(sed -n "s|^$page ||p" "$log" | head -1); done
for page in "${pages[@]}"; do
  hey -z "${warmup}s" -c "$workers" -q "$per_worker" "http://127.0.0.1:$port${path_of[$page]}" >/dev/null
done
printf '%-8s %9s %9s %9s %9s %7s\n' page offered achieved p50_ms p99_ms errors
for page in "${pages[@]}"; do
  path=${path_of[$page]}
  out=$(hey -z "${seconds}s" -c "$workers" -q "$per_worker" "http://127.0.0.1:$port$path")
  rps=$(awk '/Requests\/sec:/ {printf "%d", $2}' <<<"$out")
  p50=$(awk '/ 50% in / {printf "%.1f", $3 * 1000}' <<<"$out")
  p99=$(awk '/ 99% in / {printf "%.1f", $3 * 1000}' <<<"$out")
  ok=$(awk '/\[200\]/ {print $2}' <<<"$out")
  total=$(awk '/\[[0-9]+\]/ {n += $2} END {print n + 0}' <<<"$out")
  printf '%-8s %9s %9s %9s %9s %7s\n' "$page" "$((workers * per_worker))" "$rps" "$p50" "$p99" "$(( total - ${ok:-0} ))"
done
grep '^ingested' "$log" || true
