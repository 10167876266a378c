#!/bin/sh
# The backup CronJob's command: one logical dump with notejam-backup.sh, then copied to
# BACKUP_DESTINATION, either s3://bucket/prefix/ (the environment's locked, replicated backup
# bucket from deploy/aws; credentials from EKS Pod Identity) or a directory (a volume: how the
# played workload test runs it on a machine without S3). The dump is named by its UTC time.
set -eu
dest="${BACKUP_DESTINATION:?set BACKUP_DESTINATION to s3://<bucket>/<prefix>/ or a directory}"
name="notejam-$(date -u +%Y%m%dT%H%M%SZ).dump"
work="${TMPDIR:-/tmp}/$name"
trap 'rm -f "$work" "$work.partial"' EXIT

notejam-backup.sh "$work"
case "$dest" in
  s3://*)
    # The bucket has Object Lock: every put must carry a checksum.
    aws s3 cp --only-show-errors --checksum-algorithm SHA256 "$work" "${dest%/}/$name"
    ;;
  /*)
    cp "$work" "${dest%/}/$name.partial"
    mv "${dest%/}/$name.partial" "${dest%/}/$name"
    ;;
  *)
    echo "notejam-backup-job: BACKUP_DESTINATION must be s3://... or an absolute directory" >&2
    exit 64
    ;;
esac
echo "notejam-backup-job: $name ($(wc -c <"$work") bytes) copied to ${dest%/}/"
