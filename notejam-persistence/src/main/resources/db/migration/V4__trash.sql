-- The trash: deleting a note or a pad only stamps deleted_at; every list, count and page leaves
-- such rows out, the trash page shows them, and a scheduled job deletes those trashed longer ago
-- than the retention. A pad's notes go to the trash with it, stamped with the pad's very
-- deleted_at: that is how restoring the pad brings back exactly those, and not a note of it that
-- was trashed on its own before (stamped earlier).
alter table pads add column deleted_at timestamp with time zone;
alter table notes add column deleted_at timestamp with time zone;

-- The purge job looks for rows trashed before a moment, over all users.
create index pads_deleted_idx on pads (deleted_at);
create index notes_deleted_idx on notes (deleted_at);

-- Jobs that one instance at a time runs, whichever gets there first: an instance locks the job's
-- row (select ... for update skip locked) and runs the job only if the row was free and the last
-- run is older than the job's interval; the others skip their turn.
create table job_runs (
    job      varchar(50) primary key,
    last_run timestamp with time zone
);

insert into job_runs (job) values ('trash-purge');
