-- "All notes (N)" and a pad's page count are counts of a user's or a pad's notes outside the
-- trash. With every column of that count in one index, PostgreSQL counts from the index alone
-- (an index-only scan) instead of reading the table: for a pad of 10 000 notes, 2 ms rather than
-- 7 ms a page (README "Performance"). The list indexes (V1) stay for the pages' order.
create index notes_owner_count_idx on notes (owner_id, deleted_at, id);
create index notes_pad_count_idx on notes (pad_id, deleted_at, id);
