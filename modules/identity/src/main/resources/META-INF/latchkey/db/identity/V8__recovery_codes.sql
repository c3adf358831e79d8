-- Recovery codes: ten single-use codes per account, shown once, kept only as hashes.
create table idn_recovery_code (
    id          uuid primary key,
    account_id  uuid not null references idn_account (id) on delete cascade,
    code_hash   bytea not null,            -- SHA-256(account id ':' normalised code)
    created_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
create index idn_recovery_code_account_ix on idn_recovery_code (account_id);
