#!/bin/sh
# The CronJob notejam-snapshot-prune's command: removes CloudNativePG's volume-snapshot restore
# points older than PRUNE_AFTER_DAYS (each overlay's), the Backup and its VolumeSnapshots together.
# The snapshots' class (notejam-ebs-pruned, deletionPolicy Delete) makes the snapshot controller
# delete each VolumeSnapshotContent and its EBS snapshot in turn.
#
#   notejam-snapshot-prune.sh              prune, in the namespace of the pod's service account
#   notejam-snapshot-prune.sh --dry-run    print what would go, delete nothing (PRUNE_NOW=epoch
#                                          seconds: as if then)
#   notejam-snapshot-prune.sh --select NOW <backups.json
#                                          the selection alone: the lines "backup snapshot..." to
#                                          delete, from `kubectl get backups -o json`, at NOW
#                                          (seconds since the epoch); what the tests run
#
# Selected: Backups with spec.method volumeSnapshot whose names start with one of PRUNE_PREFIXES
# (the release snapshots and the daily ScheduledBackup's; a snapshot named otherwise by hand is
# never touched), completed or failed, created more than PRUNE_AFTER_DAYS days before now. The
# newest completed one is kept whatever its age, so there is always a restore point.
set -eu
days="${PRUNE_AFTER_DAYS:?set PRUNE_AFTER_DAYS to the days a restore point is kept}"
prefixes="${PRUNE_PREFIXES:-notejam-db-release- notejam-db-daily-}"
case "$days" in
  '' | *[!0-9]*)
    echo "notejam-snapshot-prune: PRUNE_AFTER_DAYS must be a whole number of days: $days" >&2
    exit 64
    ;;
esac

# stdin: a BackupList as JSON; $1: now, seconds since the epoch.
select_expired() {
  jq -r --argjson now "$1" --argjson days "$days" --arg prefixes "$prefixes" '
    ($prefixes | split(" ") | map(select(length > 0))) as $p
    | [ .items[]
        | select(.spec.method == "volumeSnapshot")
        | select(.metadata.name as $n | any($p[]; . as $q | $n | startswith($q))) ] as $ours
    | ($ours | map(select(.status.phase == "completed"))
        | max_by(.metadata.creationTimestamp) | .metadata.name) as $newest
    | $ours[]
    | select(.metadata.name != $newest)
    | select(.status.phase == "completed" or .status.phase == "failed")
    | select($now - (.metadata.creationTimestamp | fromdateiso8601) > $days * 86400)
    | [.metadata.name] + [(.status.snapshotBackupStatus.elements // [])[] | .name]
    | join(" ")'
}

dry_run=false
case "${1:-}" in
  --select)
    select_expired "${2:?--select NOW}"
    exit 0
    ;;
  --dry-run) dry_run=true ;;
  '') ;;
  *)
    echo "usage: notejam-snapshot-prune.sh [--dry-run | --select NOW <backups.json]" >&2
    exit 64
    ;;
esac

list="${TMPDIR:-/tmp}/notejam-snapshot-prune.$$"
trap 'rm -f "$list"' EXIT
kubectl get backups.postgresql.cnpg.io -o json | select_expired "${PRUNE_NOW:-$(date -u +%s)}" >"$list"

pruned=0
while read -r backup snapshots; do
  if $dry_run; then
    echo "notejam-snapshot-prune: would delete Backup $backup and VolumeSnapshots: ${snapshots:-none}"
    continue
  fi
  # The snapshots first: should the Backup's deletion fail, the next run finds it again and
  # retries; the other way round, a failure would leave an EBS snapshot that nothing lists.
  if [ -n "$snapshots" ]; then
    # shellcheck disable=SC2086 # one name per word
    kubectl delete volumesnapshots.snapshot.storage.k8s.io --ignore-not-found --wait=false $snapshots
  fi
  kubectl delete backups.postgresql.cnpg.io --ignore-not-found --wait=false "$backup"
  pruned=$((pruned + 1))
done <"$list"
$dry_run || echo "notejam-snapshot-prune: $pruned restore points older than $days days deleted"
