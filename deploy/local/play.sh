#!/usr/bin/env bash
# Runs the dev overlay's workload on this machine with `podman kube play`, next to PostgreSQL 15 in
# its own container named notejam-db-rw (the name of CloudNativePG's read-write Service, so the
# manifests' DB_HOST finds it). Images: liberty/container/build.sh. README, "Run it in a container".
#
#   play.sh up              database (kept in the volume notejam-local-db), then the pod; waits
#                           until http://127.0.0.1:9090/health/ready answers UP
#   play.sh down            the pod gone (the database stays)
#   play.sh backup DIR      the backup CronJob's pod, run once, its dump written to DIR
#   play.sh restore FILE DB that dump restored with notejam-restore.sh into a new database DB
#   play.sh psql DB SQL     a query in the database container (for checks)
#   play.sh purge           pod, database, volume, network and secrets all gone
#
# What stands in for the cluster, and nothing more: the database container and its Service name,
# the Secrets that CloudNativePG (notejam-db-app) and operations (notejam-smtp) create, the pod's
# ports on 127.0.0.1 instead of the Service and ALB (kustomization.yaml here), and for the backup a
# directory instead of the S3 bucket.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export CONTAINERS_CONF="${CONTAINERS_CONF:-$repo/liberty/container/containers.conf}"
work="$repo/deploy/target/local"
network=notejam-local
db=notejam-db-rw
db_image=localhost/notejam-postgres:15
db_password=notejam-local-only
ready_url=http://127.0.0.1:9090/health/ready

log() { echo "play.sh: $*"; }

# Renders deploy/local and keeps the objects of the given kinds, as one multi-document file.
render() {
  local out=$1
  shift
  mkdir -p "$work"
  kubectl kustomize "$here" | python3 -c '
import sys, yaml
kinds = set(sys.argv[1:])
docs = [d for d in yaml.safe_load_all(sys.stdin) if d and d["kind"] in kinds]
yaml.safe_dump_all(docs, sys.stdout, sort_keys=False)
' "$@" >"$out"
}

# A podman secret in the form podman kube play reads: a flat JSON map of key to base64 value.
secret() {
  local name=$1
  shift
  local json="{" sep=""
  while [ $# -gt 0 ]; do
    json+="$sep\"$1\":\"$(printf %s "$2" | base64 -w0)\""
    sep=,
    shift 2
  done
  podman secret rm "$name" >/dev/null 2>&1 || true
  printf '%s}' "$json" | podman secret create "$name" - >/dev/null
}

database_up() {
  podman network exists "$network" || podman network create "$network" >/dev/null
  podman image exists "$db_image" \
    || buildah bud --quiet --layers --isolation=chroot \
      --build-arg "BASE=${NOTEJAM_IMAGE_BASE:-localhost/debian:12-slim}" \
      -t "$db_image" "$here/postgres" >/dev/null
  if [ "$(podman inspect --format '{{.State.Running}}' "$db" 2>/dev/null)" != true ]; then
    podman rm -f "$db" >/dev/null 2>&1 || true
    podman run -d --name "$db" --network "$network" -v notejam-local-db:/var/lib/postgresql/data \
      -e POSTGRES_USER=notejam -e POSTGRES_PASSWORD="$db_password" -e POSTGRES_DB=notejam \
      "$db_image" >/dev/null
  fi
  for _ in $(seq 1 60); do
    podman exec "$db" pg_isready -q -d notejam 2>/dev/null && return 0
    sleep 1
  done
  podman logs "$db" >&2
  log "PostgreSQL did not become ready"
  return 1
}

up() {
  for image in localhost/notejam:dev localhost/notejam-backup:dev; do
    podman image exists "$image" \
      || { log "no image $image: build it first (liberty/container/build.sh, README)"; exit 1; }
  done
  database_up
  secret notejam-db-app username notejam password "$db_password"
  # Operations create this one with the relay's credentials; empty here, where no mail is sent
  # (a reset mail would fail at the relay, and the app logs that failure).
  secret notejam-smtp username "" password ""
  render "$work/workload.yaml" ConfigMap Deployment Service
  local start
  start=$(date +%s%N)
  podman kube play --replace --network "$network" "$work/workload.yaml" >/dev/null
  for _ in $(seq 1 180); do
    if curl -fsS -o /dev/null "$ready_url" 2>/dev/null; then
      log "ready at http://127.0.0.1:9080/ $(( ($(date +%s%N) - start) / 1000000 )) ms after kube play"
      return 0
    fi
    sleep 0.5
  done
  podman pod logs --tail 50 notejam-pod >&2 || true
  log "the pod did not become ready"
  return 1
}

down() {
  [ -f "$work/workload.yaml" ] || render "$work/workload.yaml" ConfigMap Deployment Service
  podman kube down "$work/workload.yaml" >/dev/null 2>&1 || true
  # podman keeps an emptyDir as a named volume; Kubernetes empties it with the pod, and so here.
  local volume
  for volume in $(python3 -c '
import sys, yaml
for d in yaml.safe_load_all(open(sys.argv[1])):
    if d and d["kind"] == "Deployment":
        print(" ".join(v["name"] for v in d["spec"]["template"]["spec"]["volumes"] if "emptyDir" in v))
' "$work/workload.yaml"); do
    podman volume rm -f "$volume" >/dev/null 2>&1 || true
  done
  log "pod removed"
}

# The CronJob's pod template, as a Pod that runs once, its dump going to a directory.
backup() {
  local dir
  dir=$(mkdir -p "$1" && cd "$1" && pwd)
  chmod 0777 "$dir"
  database_up
  render "$work/cronjob.yaml" CronJob
  python3 - "$work/cronjob.yaml" "$dir" >"$work/backup-pod.yaml" <<'PY'
import sys, yaml
# The backup CronJob (the environment has others, such as the snapshot pruning).
cronjob = next(d for d in yaml.safe_load_all(open(sys.argv[1]))
               if d["metadata"]["name"] == "notejam-backup")
template = cronjob["spec"]["jobTemplate"]["spec"]["template"]
pod = {"apiVersion": "v1", "kind": "Pod",
       "metadata": {"name": "notejam-backup-once", "labels": template["metadata"]["labels"]},
       "spec": template["spec"]}
container = pod["spec"]["containers"][0]
for env in container["env"]:
    if env["name"] == "BACKUP_DESTINATION":
        env["value"] = "/backups"
container["volumeMounts"].append({"name": "backups", "mountPath": "/backups"})
pod["spec"]["volumes"].append({"name": "backups",
                               "hostPath": {"path": sys.argv[2], "type": "Directory"}})
yaml.safe_dump(pod, sys.stdout, sort_keys=False)
PY
  podman kube play --replace --network "$network" "$work/backup-pod.yaml" >/dev/null
  local container=notejam-backup-once-backup rc
  rc=$(podman wait "$container")
  podman logs "$container"
  podman kube down "$work/backup-pod.yaml" >/dev/null
  [ "$rc" = 0 ] || { log "the backup job failed (exit $rc)"; return 1; }
}

restore() {
  local file dbname=$2
  file=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  podman exec "$db" dropdb --if-exists "$dbname"
  podman exec "$db" createdb -O notejam "$dbname"
  podman run --rm --network "$network" -v "$(dirname "$file"):/backups:ro" \
    -e PGHOST="$db" -e PGUSER=notejam -e PGPASSWORD="$db_password" -e PGDATABASE="$dbname" \
    --entrypoint notejam-restore.sh localhost/notejam-backup:dev "/backups/$(basename "$file")"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  backup) backup "${2:?usage: play.sh backup DIR}" ;;
  restore) restore "${2:?usage: play.sh restore FILE DB}" "${3:?usage: play.sh restore FILE DB}" ;;
  psql) podman exec "$db" psql -X -v ON_ERROR_STOP=1 -tA -d "${2:?}" -c "${3:?}" ;;
  purge)
    down
    podman rm -f "$db" >/dev/null 2>&1 || true
    podman volume rm -f notejam-local-db >/dev/null 2>&1 || true
    podman network rm -f "$network" >/dev/null 2>&1 || true
    podman secret rm notejam-db-app notejam-smtp >/dev/null 2>&1 || true
    log "purged"
    ;;
  *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 64 ;;
esac
