#!/usr/bin/env bash
# Benchmark step 4 (Maven profile "benchmark", post-integration-test): the resident memory of the
# Liberty JVM after the load (VmRSS from /proc/<pid>/status), written to $BENCH_OUT/rss.txt in kB,
# then the server "notejam-bench" stopped.
set -euo pipefail

: "${WLP:?path of the Liberty installation (target/liberty/wlp)}"
: "${BENCH_OUT:?output directory}"
SERVER=notejam-bench
pid_file="$WLP/usr/servers/.pid/$SERVER.pid"

mkdir -p "$BENCH_OUT"
if [ -f "$pid_file" ] && [ -r "/proc/$(cat "$pid_file")/status" ]; then
  rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$(cat "$pid_file")/status")
  echo "$rss_kb" > "$BENCH_OUT/rss.txt"
  echo "resident memory of the Liberty JVM after the load: $((rss_kb / 1024)) MiB"
else
  echo "notejam-bench is not running: no resident memory figure" >&2
fi
"$WLP/bin/server" stop "$SERVER"
