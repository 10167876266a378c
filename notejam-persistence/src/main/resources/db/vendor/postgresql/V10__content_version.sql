-- Each user's content version: one more whenever a row of their pads or notes is written, so that a
-- page made from them can be kept and served again while the version is unchanged (the web
-- module's PageCache; README "Performance"). The database counts, not the application: every
-- writer bumps it, whatever the release (the one before this, still serving during the rollout,
-- knows nothing of the column), the trash purge and any hand-made fix included.
--
-- Statement triggers with transition tables: one update of the owners per statement, after the
-- statement's own rows are locked, so that a statement touching many notes (a pad to the trash, an
-- import) takes the owner's row once and last. A column with a constant default is added without
-- rewriting the table.
alter table users add column content_version bigint not null default 0;

create function users_content_changed() returns trigger
language plpgsql as $$
begin
    update users set content_version = content_version + 1
     where id in (select distinct owner_id from changed_rows);
    return null;
end
$$;

create trigger pads_inserted after insert on pads
    referencing new table as changed_rows for each statement execute function users_content_changed();
create trigger pads_updated after update on pads
    referencing new table as changed_rows for each statement execute function users_content_changed();
create trigger pads_deleted after delete on pads
    referencing old table as changed_rows for each statement execute function users_content_changed();
create trigger notes_inserted after insert on notes
    referencing new table as changed_rows for each statement execute function users_content_changed();
create trigger notes_updated after update on notes
    referencing new table as changed_rows for each statement execute function users_content_changed();
create trigger notes_deleted after delete on notes
    referencing old table as changed_rows for each statement execute function users_content_changed();
