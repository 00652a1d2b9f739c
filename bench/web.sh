#!/usr/bin/env bash
# Serving load check: home and article pages under a fixed request rate on loopback while articles keep being
# ingested; prints requests/s, p50/p99/max latency and the page weight (HTML + CSS + JS) of both pages.
# When wrk is installed, also prints its saturation figures against the same server.
#   bench/web.sh [--rate 2000] [--seconds 15] [--articles 5000] [--ingest-per-second 20]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/.ci/java-env.sh"
cd "$root"
mvn -B -q -o test-compile >&2 || mvn -B -q test-compile >&2
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
# The launcher's memory defaults (the serving figures must hold with them); WORLDWIRE_JAVA_OPTS overrides.
source "$root/bench/jvm.sh"
read -ra java_opts <<<"$(launcher_jvm_options)"
jvm_line "${java_opts[@]}"

"$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$cp" org.worldwire.web.WebLoad "$@"

if command -v wrk >/dev/null; then
  log=$(mktemp)
  "$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$cp" org.worldwire.web.WebLoad --serve --seconds 40 >"$log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT
  for _ in $(seq 1 100); do grep -q '^article ' "$log" && break; sleep 0.3; done
  port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\).*|\1|p' "$log" | head -1)
  article=$(sed -n 's/^article //p' "$log")
  echo "wrk saturation (2 threads, 32 connections, 10 s each), while ingesting:"
  wrk -t2 -c32 -d3s "http://127.0.0.1:$port/" >/dev/null   # warm-up
  for path in / "$article"; do
    out=$(wrk -t2 -c32 -d10s --latency "http://127.0.0.1:$port$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    printf 'wrk %-8s %s req/s  p50 %s  p99 %s\n' "$([[ $path == / ]] && echo home || echo article)" "$rps" "$p50" "$p99"
  done
  kill $server 2>/dev/null || true
  wait $server 2>/dev/null || true
fi
