-- Search (H2): nothing to add. PostgreSQL's V5 (db/vendor/postgresql) adds the notes' tsvector
-- column and its index; on the embedded H2 Notejam matches names and texts with LIKE, which needs
-- neither, and this file keeps both databases at the same schema version.
select 1;
