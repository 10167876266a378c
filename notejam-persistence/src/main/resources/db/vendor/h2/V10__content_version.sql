-- Each user's content version (H2): the column only, so that both databases have the same schema.
-- PostgreSQL's V10 (db/vendor/postgresql) adds the triggers that count it. H2's triggers are Java
-- classes or Java source compiled at run time, and neither sees H2's own classes from inside the
-- server (the driver's library is apart from the application's classes), so on the embedded H2
-- the version stays 0 and Notejam keeps no pages (DatabaseMigration.countsContentVersions).
alter table users add column content_version bigint default 0 not null;
