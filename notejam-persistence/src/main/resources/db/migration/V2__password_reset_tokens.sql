-- Single-use password reset links. Only a SHA-256 hash of the token is kept: whoever reads this
-- table cannot use a link from it.
create sequence password_reset_token_ids start with 50 increment by 50;

create table password_reset_tokens (
    id         bigint primary key,
    user_id    bigint not null references users (id) on delete cascade,
    token_hash varchar(64) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    constraint password_reset_tokens_hash_key unique (token_hash)
);

-- The rate limit counts a user's recent requests.
create index password_reset_tokens_user_created_idx on password_reset_tokens (user_id, created_at);
