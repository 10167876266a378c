-- Which HTTP session belongs to which user, written once at each sign-in. The container is told
-- who is signed in only at sign-in, not on every request (a JAAS login and a new subject per
-- request, README "Performance"), so Liberty's session rows no longer name their user; closing an
-- account finds the user's session rows through this table to delete them on every instance.
-- Rows older than the absolute session lifetime are of ended sessions and are deleted at the
-- next sign-in.
create table signed_in_sessions (
    session_id   varchar(128) primary key,
    user_id      bigint not null references users (id) on delete cascade,
    signed_in_at timestamp with time zone not null
);
create index signed_in_sessions_user_idx on signed_in_sessions (user_id);
create index signed_in_sessions_age_idx on signed_in_sessions (signed_in_at);
