-- Invitations for LATCHKEY_SIGNUP_MODE=invitation: an operator invites an address, and the link
-- mailed to it (a random token, of which only the SHA-256 is stored) admits one sign-up with
-- that address within 7 days. Revoked, used and expired rows are kept (they are the record).

create table idn_invitation (
    id          uuid primary key,
    token_hash  bytea not null,
    email       varchar(254) not null,
    invited_by  uuid not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    used_by     uuid,
    revoked_at  timestamp with time zone,
    constraint idn_invitation_token_uq unique (token_hash)
);
create index idn_invitation_created_ix on idn_invitation (created_at);
