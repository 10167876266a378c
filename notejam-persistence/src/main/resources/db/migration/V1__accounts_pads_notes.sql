-- Notejam's model: users own pads and notes; a note may sit in one of its owner's pads.
-- Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode), the embedded default.
-- Ids come from sequences handed out in blocks of 50 (the entities' allocationSize; EclipseLink
-- reads a value as the last id of its block, hence "start with 50"), which both
-- databases and EclipseLink support alike, and which lets inserts be batched.

create sequence user_ids start with 50 increment by 50;
create sequence pad_ids start with 50 increment by 50;
create sequence note_ids start with 50 increment by 50;

create table users (
    id            bigint primary key,
    email         varchar(254) not null,
    password_hash varchar(512) not null,
    created_at    timestamp with time zone not null,
    version       bigint not null default 0,
    constraint users_email_key unique (email)
);

create table pads (
    id         bigint primary key,
    owner_id   bigint not null references users (id) on delete cascade,
    name       varchar(100) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint not null default 0
);

-- "My pads" lists a user's pads by name.
create index pads_owner_name_idx on pads (owner_id, name);

create table notes (
    id         bigint primary key,
    owner_id   bigint not null references users (id) on delete cascade,
    pad_id     bigint references pads (id) on delete cascade,
    name       varchar(100) not null,
    text       varchar(100000) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint not null default 0
);

-- The two note lists: all of a user's notes, and a pad's notes, newest first by default
-- (the id breaks ties, so that a page can be read straight off the index).
create index notes_owner_updated_idx on notes (owner_id, updated_at desc, id desc);
create index notes_pad_updated_idx on notes (pad_id, updated_at desc, id desc);
