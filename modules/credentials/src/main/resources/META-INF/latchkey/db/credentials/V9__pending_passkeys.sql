-- Passkeys made on a second device through a link handoff, waiting for the pairing code typed on
-- the first. They are deliberately NOT in cred_passkey: every sign-in, step-up, passkey list and
-- coverage query reads cred_passkey only, so a pending passkey cannot sign in by construction.
-- A row lives PENDING_MINUTES (database clock); confirming moves it to cred_passkey.
create table cred_pending_passkey (
    id                  uuid primary key,
    account_id          uuid not null,
    credential_id       bytea not null,
    public_key          bytea not null,
    sign_count          bigint not null,
    aaguid              uuid not null,
    transports          varchar(200) not null,
    backup_eligible     boolean not null,
    backup_state        boolean not null,
    user_verified       boolean not null,
    attachment          varchar(20),
    attestation_format  varchar(32) not null,
    created_at          timestamp with time zone not null,
    expires_at          timestamp with time zone not null,
    constraint cred_pending_passkey_credential_id_uq unique (credential_id)
);
create index cred_pending_passkey_expires_ix on cred_pending_passkey (expires_at);
