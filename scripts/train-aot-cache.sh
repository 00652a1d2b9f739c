#!/usr/bin/env bash
# Trains and writes the server's AOT cache (JEP 483/514) for the launcher, in the background and in a JVM of its own,
# so that no server a user started ever records one: a recording JVM writes its AOT configuration as it exits, which
# took 7-10 s (the stop of the first start of each build, before), or pauses every thread for as long when asked to
# end the recording early.
# Usage (by ./worldwire, detached): train-aot-cache.sh CACHE JAR JAVA [JVM OPTION ...]
# Steps: a `serve --demo` on loopback, on a data directory of its own, records for TRAIN_SECONDS after /health answers
# while the site's main pages are fetched; then -XX:AOTMode=create turns that recording into the cache under a
# temporary name, renamed to CACHE only when complete: the launcher uses CACHE once it exists, so never a half-written
# one. One trainer at a time (a lock beside the cache); a failed training leaves no cache, and the next start tries
# again. Its log stays beside the cache as train.log.
set -uo pipefail
cache=$1 jar=$2; shift 2
java_cmd=("$@")
dir=$(dirname "$cache")
train_seconds=${WORLDWIRE_AOT_TRAIN_SECONDS:-12}
exec 9>"$dir/train.lock"
flock -n 9 || exit 0 # another start is training already
[[ -f "$cache" ]] && exit 0
work=$(mktemp -d "$dir/training.XXXXXX") || exit 1
server=
cleanup() {
  [[ -n "$server" ]] && kill -KILL "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
log="$dir/train.log"
exec >"$log" 2>&1
echo "training the AOT cache $cache ($(date))"
# Leftovers of earlier builds and trainings: their caches no longer match the jar.
find "$dir" -maxdepth 1 -name 'serve-*' -delete
find "$dir" -maxdepth 1 -name 'training.*' ! -path "$work" -exec rm -rf {} +

# Classes only, no method profiles (JEP 515, which recording adds by default): starts from a cache with the profiles of
# a training run were slower. Launch to /health 200 without them took 0.87x the time with them (median of ten paired
# ratios; medians 774 and 846 ms), and the cache is 73 MB instead of 80. What the profiles would speed up, the
# compilation of the ingest's hot paths, a server does on its own within its first minutes.
"${java_cmd[@]}" -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining \
  -XX:AOTMode=record -XX:AOTConfiguration="$work/serve.aotconf" -Xlog:aot=error,cds=error -jar "$jar" serve --demo --data "$work/data" --host 127.0.0.1 --port 0 \
  >"$work/serve.log" 2>&1 &
server=$!
port=
for _ in $(seq 1 600); do
  port=$(grep -o 'serving http://localhost:[0-9]*/' "$work/serve.log" | head -1 | grep -o '[0-9]*/$' | tr -d /)
  [[ -n "$port" ]] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [[ -z "$port" ]]; then echo "the training server did not start:"; tail -20 "$work/serve.log"; exit 1; fi
echo "training server on port $port for $train_seconds s"
fetch() { curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$port$1" || true; }
end=$(( $(date +%s) + train_seconds ))
while (( $(date +%s) < end )); do
  for p in /health / /search?q=world /api/v1/articles /api/v1/stories /feed.rss /sitemap.xml /privacy; do fetch "$p"; done
  article=$(curl -s --max-time 5 "http://127.0.0.1:$port/" | grep -o 'href="/article/[^"]*"' | head -1 | cut -d'"' -f2)
  [[ -n "$article" ]] && fetch "$article"
  sleep 1
done
kill -TERM "$server"
wait "$server"
server=
[[ -s "$work/serve.aotconf" ]] || { echo "no AOT configuration recorded:"; tail -20 "$work/serve.log"; exit 1; }
part="$cache.part-$$"
if ! "${java_cmd[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$work/serve.aotconf" -XX:AOTCache="$part" \
    -Xlog:aot=error,cds=error -jar "$jar"; then
  rm -f "$part"; echo "creating the AOT cache failed"; exit 1
fi
mv -f "$part" "$cache" && echo "AOT cache ready: $cache ($(date))"
