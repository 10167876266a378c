-- Search (PostgreSQL): each note's words as a tsvector, its name's weighted above its text's, so
-- that a note named after the words ranks first. A generated column: the database keeps it current
-- on every insert and update, whoever writes the row. The GIN index finds the notes that match.
-- The embedded H2 has no full-text search of this kind: its V5 (db/vendor/h2) only keeps the
-- version numbers in step, and Notejam matches there with LIKE (README "Search").
alter table notes add column search tsvector generated always as (
    setweight(to_tsvector('english', coalesce(name, '')), 'A')
    || setweight(to_tsvector('english', coalesce(text, '')), 'B')
) stored;

create index notes_search_idx on notes using gin (search);
