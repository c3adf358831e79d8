-- The JWT IDs of client assertions already accepted (private_key_jwt, RFC 7523 §3 and OpenID Connect
-- Core §9: "the jti ... MUST only be used once"). Keyed by SHA-256 of client_id and jti, so that one
-- client cannot use up another's IDs; kept until the assertion expires, then purged.
create table fed_client_assertion (
    jti_hash    bytea primary key,
    client_id   varchar(100) not null,
    expires_at  timestamp with time zone not null
);
create index fed_client_assertion_expires_ix on fed_client_assertion (expires_at);
