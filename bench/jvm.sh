# Sourced by the benchmark scripts: `jvm_line OPTION...` prints the heap and collector a JVM started with those
# options gets, so every figure says what it ran with. `launcher_jvm_options` gives the launcher's defaults
# (WORLDWIRE_MAX_MEMORY and WORLDWIRE_JAVA_OPTS apply).
launcher_jvm_options() { "$root/worldwire" --jvm-options; }
jvm_line() {
  local flags heap gc
  flags=$("$JAVA_HOME/bin/java" "$@" -XX:+PrintFlagsFinal -version 2>/dev/null)
  heap=$(awk '$2 == "MaxHeapSize" {printf "%d", $4 / 1048576}' <<<"$flags")
  gc=$(awk '$2 ~ /^Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC$/ && $4 == "true" {sub(/^Use/, "", $2); print $2}' <<<"$flags")
  echo "jvm: heap max ${heap:-?} MB, collector ${gc:-?} (options: $*)"
}
