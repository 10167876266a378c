#!/usr/bin/env bash
# Benchmark step 1 (run by the Maven profile "benchmark", pre-integration-test):
# a fresh PostgreSQL database, the Liberty server "notejam-bench" launched on it, and the time from
# the launch until GET /health/ready answers 200, written to $BENCH_OUT/start-to-ready.txt.
# Needs root (runuser to postgres), as in .ci/run. Never stops or restarts PostgreSQL.
set -euo pipefail

: "${WLP:?path of the Liberty installation (target/liberty/wlp)}"
SERVER=notejam-bench
BENCH_PORT=${BENCH_PORT:-9082}
BENCH_MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-9092}
BENCH_DB=${BENCH_DB:-notejam_bench}
BENCH_OUT=${BENCH_OUT:?output directory}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-5432}
DB_USER=${DB_USER:-notejam}
DB_PASSWORD=${DB_PASSWORD:-notejam-ci}

mkdir -p "$BENCH_OUT"
rm -f "$BENCH_OUT"/start-to-ready.txt "$BENCH_OUT"/rss.txt "$BENCH_OUT"/seed.tsv \
  "$BENCH_OUT"/wrk-accounts.properties "$BENCH_OUT"/wrk-summary.txt

# A server left over from an interrupted run would hold the port.
"$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || true

echo "== PostgreSQL: database $BENCH_DB"
if ! pg_isready -h "$DB_HOST" -p "$DB_PORT" -q; then
  if pg_lsclusters -h 2>/dev/null | grep -q '^15 *main .*down'; then
    pg_ctlcluster 15 main start
  fi
  for _ in $(seq 1 30); do
    pg_isready -h "$DB_HOST" -p "$DB_PORT" -q && break
    sleep 1
  done
fi
pg_isready -h "$DB_HOST" -p "$DB_PORT"
runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q <<SQL
do \$\$
begin
  if not exists (select from pg_roles where rolname = '$DB_USER') then
    create role $DB_USER login password '$DB_PASSWORD';
  end if;
end
\$\$;
SQL
runuser -u postgres -- dropdb --if-exists --force "$BENCH_DB"
runuser -u postgres -- createdb -O "$DB_USER" "$BENCH_DB"

echo "== Liberty: $SERVER on port $BENCH_PORT"
export DB_KIND=postgresql DB_HOST DB_PORT DB_NAME="$BENCH_DB" DB_USER DB_PASSWORD
# The JVM as in its pod: the server's jvm.options are the image's (configDropins/defaults), and
# the memory it sizes the heap from is the Deployment's limit, not this machine's.
limit=$(python3 -c 'import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
print(next(c for c in d["spec"]["template"]["spec"]["containers"] if c["name"] == "notejam")["resources"]["limits"]["memory"])' \
  "$(dirname "$0")/../../deploy/base/deployment.yaml")
case "$limit" in
  *Gi) limit_mib=$(( ${limit%Gi} * 1024 )) ;;
  *Mi) limit_mib=${limit%Mi} ;;
  *) echo "start.sh: memory limit $limit is neither Mi nor Gi" >&2; exit 1 ;;
esac
export JVM_ARGS="-XX:MaxRAM=${limit_mib}m"
echo "$limit_mib" > "$BENCH_OUT/memory-limit-mib.txt"
echo "JVM as in the pod: memory limit ${limit_mib} MiB (deploy/base), options from configDropins/defaults/jvm.options"
# Nor a default keystore: server create writes a keystore_password into server.env, and with it
# Liberty makes a keystore and a self-signed certificate at every first start (CWPKI0803A, 1-2 s
# of a core). The image has no server.env (TLS ends at the load balancer), so neither does this.
sed -i '/^keystore_password=/d' "$WLP/usr/servers/$SERVER/server.env" 2>/dev/null || true
rm -f "$WLP/usr/servers/$SERVER/resources/security/key.p12"
start_ns=$(date +%s%N)
"$WLP/bin/server" start "$SERVER"
ready=""
for _ in $(seq 1 1800); do # at most ~3 minutes
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://localhost:$BENCH_MANAGEMENT_PORT/health/ready" || true)
  if [ "$code" = 200 ]; then
    ready=yes
    break
  fi
  sleep 0.1
done
end_ns=$(date +%s%N)
if [ -z "$ready" ]; then
  echo "notejam-bench did not become ready; see $WLP/usr/servers/$SERVER/logs/messages.log" >&2
  "$WLP/bin/server" stop "$SERVER" || true
  exit 1
fi
millis=$(( (end_ns - start_ns) / 1000000 ))
echo "$millis" > "$BENCH_OUT/start-to-ready.txt"
echo "start-to-ready: $millis ms"
