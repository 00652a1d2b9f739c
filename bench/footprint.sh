#!/usr/bin/env bash
# Footprint of the one-box server with the launcher's default settings: resident memory (VmRSS) every minute of
# `worldwire serve --demo` (the in-process publisher simulator on loopback; no other traffic), then five restarts
# on the same data timing launch to the first `/health` 200 and SIGTERM to exit. Prints the heap and collector
# the JVM ran with and one summary line at the end.
# With --busy the restarts are timed while a second server ingests a simulated world (50 publishers at 2 articles a
# minute each, `worldwire simulate`) on the same machine, with the ports after P.
# Usage: bench/footprint.sh [--minutes N (30)] [--restarts N (5)] [--busy-seconds S (10)] [--port P (18090)] [--busy]
# WORLDWIRE_MAX_MEMORY and WORLDWIRE_JAVA_OPTS are passed to the launcher as they are.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
minutes=30 restarts=5 busy=10 port=18090 load=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --restarts) restarts=$2; shift 2 ;;
    --busy-seconds) busy=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --busy) load=1; shift ;;
    *) echo "footprint.sh: unknown argument $1 (see the header of this script)" >&2; exit 2 ;;
  esac
done
[[ "$minutes" =~ ^[0-9]+$ && "$restarts" =~ ^[0-9]+$ && "$busy" =~ ^[0-9]+$ && "$port" =~ ^[0-9]+$ ]] \
  || { echo "footprint.sh: --minutes, --restarts, --busy-seconds and --port take whole numbers" >&2; exit 2; }
command -v curl >/dev/null || { echo "footprint.sh: needs curl" >&2; exit 1; }
source "$root/.ci/java-env.sh"

"$root/worldwire" --version >/dev/null # builds the jar first, so no start below is timed with a build in it
data=$(mktemp -d)
base="http://127.0.0.1:$port"
server= load_pids=()
cleanup() {
  if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi
  for p in "${load_pids[@]}"; do kill -TERM "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done
  rm -rf "$data"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
rss_mb() { awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
# VmRSS is the JVM's own memory (RssAnon) plus the pages of mapped files it has touched (RssFile: the search index,
# the jar), which the kernel may drop at any time; both are printed so that growth can be told apart.
rss_parts() { awk '/^RssAnon:/ {a=$2} /^RssFile:/ {f=$2} END {printf "%d %d", a / 1024, f / 1024}' "/proc/$1/status" 2>/dev/null || echo "0 0"; }
stored() { curl -s --max-time 2 "$base/metrics" | awk '/^worldwire_articles_stored_total/ {print int($2)}' || true; }

# One GET /health over bash's own /dev/tcp: true on a 200. The poll below forks nothing, because the process it times
# has two cores to share with it: the loop of curl and sleep that it replaced (a curl process every 20 ms) took CPU
# from the start it timed. Same build, ten starts each: median 1,058 ms with curl, 836 ms with this.
health_ok() {
  local status=
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
  read -r -t 2 status <&3 || true
  exec 3<&-
  [[ "$status" == "HTTP/1.1 200"* ]]
}
# A FIFO that no one writes: `read -t` on it is a sleep without a fork.
mkfifo "$data/tick"
exec 4<>"$data/tick"

# Starts the server (the launcher execs the JVM, so $! is the JVM) and waits for /health 200, polled every 10 ms;
# sets $server and $ready_ms.
start() {
  local t0 log="$data/server-$1.log"
  t0=$(now_ms)
  "$root/worldwire" serve --demo --data "$data/db" --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
  server=$!
  ready_ms=
  for _ in $(seq 1 6000); do
    if health_ok; then ready_ms=$(( $(now_ms) - t0 )); return 0; fi
    kill -0 "$server" 2>/dev/null || break
    read -r -t 0.01 -u 4 || true
  done
  echo "footprint.sh: the server did not answer /health:" >&2; tail -30 "$log" >&2; exit 1
}

# SIGTERM, then the time until the process is gone; sets $stop_ms.
stop() {
  local t0
  t0=$(now_ms)
  kill -TERM "$server"
  wait "$server" 2>/dev/null || true
  stop_ms=$(( $(now_ms) - t0 ))
  server=
}

start 0
flags=$("$JAVA_HOME/bin/jcmd" "$server" VM.flags 2>/dev/null | tr ' ' '\n' || true)
heap_bytes=$(grep -o 'MaxHeapSize=[0-9]*' <<<"$flags" | head -1 | cut -d= -f2 || true)
heap_mb=$(( ${heap_bytes:-0} / 1048576 ))
gc=$(grep -o 'Use[A-Za-z0-9]*GC' <<<"$flags" | grep -v 'UseAdaptive\|UseMaximum\|UseCompressed' | head -1 || true)
gc=${gc#Use}
echo "footprint: heap max ${heap_mb} MB, collector ${gc:-unknown}; JVM options: ${WORLDWIRE_JAVA_OPTS:-launcher defaults}${WORLDWIRE_MAX_MEMORY:+, WORLDWIRE_MAX_MEMORY=$WORLDWIRE_MAX_MEMORY}"
echo "first start: /health 200 after ${ready_ms} ms (the first start of a build runs without the AOT cache, which a background run of its own trains meanwhile; later starts use it)"
printf '%-8s %8s %8s %8s %10s\n' minute rss_mb anon_mb file_mb articles
printf '%-8s %8s %8s %8s %10s\n' 0 "$(rss_mb "$server")" $(rss_parts "$server") "$(stored)"
peak=0 last=0
for m in $(seq 1 "$minutes"); do
  sleep 60
  kill -0 "$server" 2>/dev/null || { echo "footprint.sh: the server died:" >&2; tail -30 "$data/server-0.log" >&2; exit 1; }
  last=$(rss_mb "$server")
  (( last > peak )) && peak=$last
  printf '%-8s %8s %8s %8s %10s\n' "$m" "$last" $(rss_parts "$server") "$(stored)"
done
stop
echo "stop after ${minutes} min: SIGTERM to exit ${stop_ms} ms"

# The load for --busy: a world of simulated publishers and a second server that ingests it.
start_load() {
  "$root/worldwire" simulate --publishers 50 --rate 2 --faulty 0 --opml --port $(( port + 1 )) >"$data/world.opml" 2>"$data/world.log" &
  load_pids+=("$!")
  for _ in $(seq 1 600); do grep -q '</opml>' "$data/world.opml" 2>/dev/null && break; read -r -t 0.1 -u 4 || true; done
  "$root/worldwire" import-opml --data "$data/load" "$data/world.opml" >/dev/null
  "$root/worldwire" serve --data "$data/load" --no-seed --allow-private-networks --host 127.0.0.1 --port $(( port + 2 )) \
    >"$data/load.log" 2>&1 &
  load_pids+=("$!")
  sleep 30 # past its own start and first polls
  echo "load: a second server ingesting $(grep -c '<outline' "$data/world.opml") simulated feeds; restarts are timed meanwhile"
}
(( load )) && start_load

starts=() stops=()
for r in $(seq 1 "$restarts"); do
  start "$r"
  sleep "$busy"
  stop
  starts+=("$ready_ms") stops+=("$stop_ms")
  echo "restart $r: launch to /health 200 ${ready_ms} ms, SIGTERM to exit ${stop_ms} ms (after ${busy} s of ingest)"
done
max_of() { printf '%s\n' "$@" | sort -n | tail -1; }
median_of() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR ? a[int((NR+1)/2)] : "-")}'; }
echo "footprint summary: ${gc:-unknown} heap ${heap_mb} MB; rss ${last} MB after ${minutes} min (peak ${peak} MB);" \
  "$( (( load )) && echo "while a second server ingests a simulated world, ")launch to health median $(median_of "${starts[@]:-}") ms max $(max_of "${starts[@]:-}") ms;" \
  "SIGTERM to exit median $(median_of "${stops[@]:-}") ms max $(max_of "${stops[@]:-}") ms over ${restarts} restarts"
