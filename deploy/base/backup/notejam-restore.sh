#!/bin/sh
# Restores a dump made by notejam-backup.sh into the database named by the libpq variables
# (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD), replacing what is there: every table, sequence
# and index of the dump is dropped if present and recreated, in one transaction (all or nothing).
# The dump's sign_ins and kept_notices come back empty (it holds no rows of theirs): everybody
# signs in again. Stop the application (scale it to 0) first. Usage: notejam-restore.sh <file.dump>
set -eu
in="${1:?usage: notejam-restore.sh <file.dump>}"
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  --dbname="${PGDATABASE:?set PGDATABASE}" "$in"
echo "notejam-restore: $in restored into $PGDATABASE"
