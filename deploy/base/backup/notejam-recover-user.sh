#!/bin/sh
# Per-user recovery: brings one user's pads and notes back into the live database as they were in
# a recovered side database (a point-in-time recovery, a restored dump or volume snapshot), and
# nothing else. Only that user's rows are read from the side database; the live one only gets
# inserts (no row there is updated or deleted), all in one transaction:
#   - a pad or note still there (the same id, or the copy an earlier run made), unchanged (name,
#     and a note's text) and not in the trash, is skipped;
#   - one still there but changed, or in the trash, comes back as a copy named
#     "<name> (restored YYYY-MM-DD)", the day of the run (UTC): the trashed one stays in the trash;
#   - one that is gone comes back under its own name;
# copies and the recreated get fresh ids from the app's sequences and keep their timestamps; a note
# goes into its pad's copy, or into the live pad when that one was skipped. What was in the trash
# at the side database's moment stays out. Run again, it finds everything there and does nothing.
# Side database: SIDE_DSN (a libpq connection string) or SIDE_HOST, SIDE_PORT, SIDE_DATABASE,
# SIDE_USER, SIDE_PASSWORD; the live one: PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD.
# Usage: notejam-recover-user.sh [--dry-run] <email>
#   --dry-run (or RECOVER_DRY_RUN=true): prints what it would do and changes nothing.
set -eu
usage="usage: notejam-recover-user.sh [--dry-run] <email>"
dry_run="${RECOVER_DRY_RUN:-false}"
if [ "${1:-}" = --dry-run ]; then
  dry_run=true
  shift
fi
email="${1:?$usage}"

# psql on the live database (the PG* variables), quiet, unaligned, stopping at the first error.
live() {
  psql -X -q -At -v ON_ERROR_STOP=1 "$@"
}

# psql on the side database. The live PG* variables are cleared first: a connection string that
# leaves out the host or the user must not fall back to the live database.
side() {
  (
    unset PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGPASSWORD PGSERVICE
    if [ -z "${SIDE_DSN:-}" ]; then
      export PGHOST="${SIDE_HOST:?set SIDE_DSN or SIDE_HOST (the side database)}"
      export PGPORT="${SIDE_PORT:-5432}" PGDATABASE="${SIDE_DATABASE:-notejam}"
      export PGUSER="${SIDE_USER:?set SIDE_USER}" PGPASSWORD="${SIDE_PASSWORD:-}"
    fi
    exec psql "${SIDE_DSN:-}" -X -q -At -v ON_ERROR_STOP=1 "$@"
  )
}

# The user's id in a database, empty when there is none. Emails are kept lower case, without
# surrounding blanks (User.normalizeEmail).
user_id() {
  "$1" -v email="$email" <<'SQL'
select id from users where email = lower(btrim(:'email'));
SQL
}

live_user=$(user_id live)
if [ -z "$live_user" ]; then
  echo "notejam-recover-user: no user $email in the live database; nothing changed" >&2
  exit 65
fi
side_user=$(user_id side)
if [ -z "$side_user" ]; then
  echo "notejam-recover-user: no user $email in the side database; nothing changed" >&2
  exit 65
fi
# A dump from before the trash (migration V4) has no deleted_at: everything in it was live.
side_deleted=$(side <<'SQL'
select case when exists (select from information_schema.columns
  where table_schema = current_schema() and table_name = 'notes' and column_name = 'deleted_at')
  then 'deleted_at' else 'null' end;
SQL
)

# The user's pads and notes in the side database, in one statement (one snapshot), as COPY text,
# ended by a row that counts them: the live side refuses a stream that stopped short.
side_rows() {
  side -v owner="$side_user" <<SQL
copy (
  with p as (
    select 'pad' as kind, id, null::bigint as pad_id, name, null as text, created_at, updated_at,
      $side_deleted::timestamptz as deleted_at
    from pads where owner_id = :owner),
  n as (
    select 'note', id, pad_id, name, text, created_at, updated_at, $side_deleted::timestamptz
    from notes where owner_id = :owner)
  select * from p
  union all select * from n
  union all select 'end', (select count(*) from p) + (select count(*) from n), null, null, null,
    null, null, null
) to stdout;
SQL
}

# Reads the side rows from its standard input into a temporary table, plans, and inserts.
merge() {
  live -v user="$live_user" -v email="$email" -v dry_run="$dry_run" -f /dev/fd/3 3<<'SQL'
select to_char(now() at time zone 'utc', 'YYYY-MM-DD') as day \gset
begin;
-- Two runs for one user at once would not see each other's rows: the second one waits.
select pg_advisory_xact_lock(hashtextextended('notejam-recover-user ' || :'user', 0)) \g /dev/null
create temporary table side_rows (kind text, id bigint, pad_id bigint, name text, text text,
  created_at timestamptz, updated_at timestamptz, deleted_at timestamptz);
\copy side_rows from pstdin
do $$
begin
  if (select count(*) filter (where kind = 'end') = 1
        and sum(id) filter (where kind = 'end') = count(*) filter (where kind <> 'end')
      from side_rows) is not true then
    raise exception 'notejam-recover-user: the side database''s rows did not all arrive';
  end if;
end
$$;

-- "<name> (restored YYYY-MM-DD)", cut to fit the 100 characters of a name; and whether a live
-- name is such a copy's name (of any day).
create function pg_temp.copy_name(name text, day text) returns text
  language sql immutable as $$ select left(name, 78) || ' (restored ' || day || ')' $$;
create function pg_temp.is_copy_name(candidate text, name text) returns boolean
  language sql immutable as $$
    select right(candidate, 22) ~ '^ \(restored \d{4}-\d{2}-\d{2}\)$'
      and left(candidate, -22) = left(name, 78) $$;

-- The user's live rows a side row may still be: the same row (its id), or what an earlier run
-- made of it (another id, the same created_at, its name or its copy's).
create temporary view live_rows as
  select 'pad' as kind, id, name, null as text, created_at, deleted_at
  from pads where owner_id = :user
  union all
  select 'note', id, name, text, created_at, deleted_at from notes where owner_id = :user;
create temporary table plan as
  select s.kind, s.id as side_id, s.pad_id as side_pad_id,
    case
      when kept.id is not null then 'skipped'
      when exists (select from live_rows l where l.kind = s.kind and (l.id = s.id
        or (l.created_at = s.created_at
          and (l.name = s.name or pg_temp.is_copy_name(l.name, s.name))))) then 'copied'
      else 'restored'
    end as action,
    kept.id as live_id
  from side_rows s
  left join lateral (
    select l.id from live_rows l
    where l.kind = s.kind and l.deleted_at is null and l.text is not distinct from s.text
      and ((l.id = s.id and l.name = s.name)
        or (l.id <> s.id and l.created_at = s.created_at
          and (l.name = s.name or pg_temp.is_copy_name(l.name, s.name))))
    order by l.id = s.id desc, l.id
    limit 1) kept on true
  where s.kind <> 'end' and s.deleted_at is null;

\if :dry_run
\else
-- Fresh ids from the app's sequences. EclipseLink takes a value as the last id of a block of 50
-- (V1__accounts_pads_notes.sql): the block ending at a value taken here is nobody else's.
update plan set live_id = nextval(case kind when 'pad' then 'pad_ids' else 'note_ids' end)
  where action <> 'skipped';
insert into pads (id, owner_id, name, created_at, updated_at)
  select p.live_id, :user,
    case p.action when 'copied' then pg_temp.copy_name(s.name, :'day') else s.name end,
    s.created_at, s.updated_at
  from plan p join side_rows s on s.kind = 'pad' and s.id = p.side_id
  where p.kind = 'pad' and p.action <> 'skipped';
insert into notes (id, owner_id, pad_id, name, text, created_at, updated_at)
  select n.live_id, :user, pad.live_id,
    case n.action when 'copied' then pg_temp.copy_name(s.name, :'day') else s.name end,
    s.text, s.created_at, s.updated_at
  from plan n join side_rows s on s.kind = 'note' and s.id = n.side_id
  left join plan pad on pad.kind = 'pad' and pad.side_id = n.side_pad_id
  where n.kind = 'note' and n.action <> 'skipped';
\endif

select format('notejam-recover-user: %s %s %s%s', kind, side_id, action,
    case when live_id is not null then ' as ' || live_id else '' end)
  from plan where action <> 'skipped' order by kind desc, side_id;
select
    count(*) filter (where kind = 'pad' and action = 'restored') as pads_restored,
    count(*) filter (where kind = 'pad' and action = 'copied') as pads_copied,
    count(*) filter (where kind = 'pad' and action = 'skipped') as pads_skipped,
    count(*) filter (where kind = 'note' and action = 'restored') as notes_restored,
    count(*) filter (where kind = 'note' and action = 'copied') as notes_copied,
    count(*) filter (where kind = 'note' and action = 'skipped') as notes_skipped,
    (select count(*) from side_rows where deleted_at is not null) as trashed
  from plan \gset
\if :dry_run
rollback;
\set outcome 'dry run, nothing changed'
\else
commit;
\set outcome 'committed'
\endif
\echo notejam-recover-user: :email: pads :pads_restored restored, :pads_copied copied, :pads_skipped skipped; notes :notes_restored restored, :notes_copied copied, :notes_skipped skipped; :trashed in the trash then, left out; :outcome
SQL
}

side_rows | merge
