-- Sign-in throttling that every instance sees: one row per bucket, a bucket being an account
-- (by a SHA-256 hash of the normalized email, so that unknown emails are throttled alike and no
-- email typed by a stranger is stored) or a client address for one purpose (sign-in failures,
-- sign-ups, reset requests). Rows are locked (select ... for update) while counting.
create table throttle_buckets (
    bucket_key     varchar(100) primary key,
    failures       integer not null,
    window_start   timestamp with time zone not null,
    locked_until   timestamp with time zone,
    lockouts       integer not null default 0,
    last_failure   timestamp with time zone not null
);

-- Changing or resetting a password ends the user's other sessions on every instance: a session
-- remembers the version it signed in with, and each request compares it to this column (a
-- primary-key read).
alter table users add column credentials_version bigint not null default 0;
