#!/usr/bin/env bash
# Benchmark step 2 (Maven profile "benchmark", pre-integration-test, after start.sh): the seeding,
# then the wrk measurement (net.notejam.bench.WrkBenchmark, run by `java "$@"` with the classpath
# and settings Maven passes). When it fails (a wrong page before measuring, an answer other than
# 2xx or a socket error while measuring) Maven runs no later step, so the server is stopped here.
set -uo pipefail

: "${WLP:?path of the Liberty installation (target/liberty/wlp)}"
SERVER=notejam-bench

if java "$@"; then
  exit 0
fi
echo "!!!!! The wrk measurement failed (see above); stopping $SERVER." >&2
"$WLP/bin/server" stop "$SERVER" || true
exit 1
