-- A signed-in user's session is a row here and a random token in their cookie, no longer an HTTP
-- session of Liberty's (README "Sessions"). Each signed-in request reads its row (one primary-key
-- read, joined to the user for the email and the credentials version) and writes nothing but, at
-- most once a minute, the time it was last seen. The row keeps only the token's SHA-256: the
-- table does not sign anyone in. form_token is what each of the session's forms carries (CSRF).
-- Closing the account deletes the rows (on delete cascade); signing out deletes the one row.
-- V8's signed_in_sessions and Liberty's sessions table are no longer used, but stay for one
-- release (expand, then contract; README "Zero-downtime rules"): the previous release writes
-- them while this one rolls out.
create table sign_ins (
    token_hash          varchar(64) primary key,
    user_id             bigint not null references users (id) on delete cascade,
    credentials_version bigint not null,
    form_token          varchar(43) not null,
    signed_in_at        timestamp with time zone not null,
    last_seen_at        timestamp with time zone not null
);
create index sign_ins_user_idx on sign_ins (user_id);
create index sign_ins_seen_idx on sign_ins (last_seen_at);

-- The page-wide messages of a form post ("Note is successfully created"), kept for the page its
-- redirect shows, which may be served by another instance. The browser holds the token in a
-- short-lived cookie; the row is read and deleted by that page.
create table kept_notices (
    token_hash varchar(64) primary key,
    messages   varchar(8000) not null,
    kept_at    timestamp with time zone not null
);
create index kept_notices_age_idx on kept_notices (kept_at);
