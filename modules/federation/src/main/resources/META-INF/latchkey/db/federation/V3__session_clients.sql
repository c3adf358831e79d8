-- Which clients got a code from which Latchkey session: the clients to tell, over the back channel, when
-- that session ends (OpenID Connect Back-Channel Logout 1.0). One row per code; read as a set.
create table fed_session_client (
    session_id  uuid not null,
    client_id   varchar(100) not null,
    account_id  uuid not null,
    created_at  timestamp with time zone not null
);
create index fed_session_client_session_ix on fed_session_client (session_id);
create index fed_session_client_created_ix on fed_session_client (created_at);
