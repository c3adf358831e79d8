-- Refresh tokens for confidential clients (only a SHA-256 hash is stored). Each refresh rotates the
-- token: the old row gets used_at, the new one keeps the family. A used token presented again means
-- one of the two copies is stolen: the whole family is revoked (OAuth 2.0 Security BCP §4.14.2).
create table fed_refresh_token (
    token_hash  bytea primary key,
    family      uuid not null,
    code_hash   bytea not null,
    client_id   varchar(100) not null,
    account_id  uuid not null,
    session_id  uuid not null,
    scope       varchar(1000) not null,
    auth_time   timestamp with time zone not null,
    method      varchar(30) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    revoked     boolean not null
);
create index fed_refresh_token_family_ix on fed_refresh_token (family);
create index fed_refresh_token_session_ix on fed_refresh_token (session_id);
create index fed_refresh_token_account_ix on fed_refresh_token (account_id);
create index fed_refresh_token_expires_ix on fed_refresh_token (expires_at);
