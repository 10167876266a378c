#!/bin/sh
# Logical backup of Notejam's database: pg_dump in the custom format (compressed, restorable table
# by table with pg_restore). The same command runs in the Kubernetes backup job and in the backup
# drill. Connection from the libpq variables PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD.
# Left out: the table sessions, left over from older releases (Liberty kept its HTTP sessions there;
# nothing uses it now), and the rows, not the definitions, of sign_ins and kept_notices: a restored
# backup has the whole schema and signs everybody out instead of bringing old sign-ins back. A name
# that matches no table (sessions in a database made new, sign_ins before Flyway V9) is no error.
# Usage: notejam-backup.sh <file.dump>
set -eu
out="${1:?usage: notejam-backup.sh <file.dump>}"
pg_dump --format=custom --compress=6 --no-owner --no-privileges --exclude-table=sessions \
  --exclude-table-data=sign_ins --exclude-table-data=kept_notices --file="$out.partial"
# Only a complete dump gets the final name: a half-written file is never mistaken for a backup.
mv "$out.partial" "$out"
echo "notejam-backup: $(wc -c < "$out") bytes written to $out"
