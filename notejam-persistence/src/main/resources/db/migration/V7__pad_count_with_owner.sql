-- A pad's note count names the owner too (Notes.countInPad: the pad's notes and the user's, a
-- second check of ownership), and V6's index on (pad_id, deleted_at, id) lacked owner_id: for a
-- pad of 10 000 notes PostgreSQL read the table (a sequential scan, 57 ms by hand; 5 ms of
-- database time a page under load). With owner_id in the index the count is again an index-only
-- scan (3 ms by hand), and no longer depends on the plan the statistics make (README "Performance").
drop index notes_pad_count_idx;
create index notes_pad_owner_count_idx on notes (pad_id, owner_id, deleted_at, id);
