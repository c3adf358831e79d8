-- Pending ceremonies are bounded per browser (the ceremony-binding cookie's hash), oldest first.
create index cred_challenge_binding_ix on cred_challenge (binding_hash, created_at);

-- One row per account that ever added a passkey after sign-up: adding one inserts it if missing
-- (insert ... on conflict do nothing) and locks it (select ... for update) before counting the
-- account's passkeys, so parallel additions on one instance or several cannot pass the cap together.
-- Credentials' own row: this module never locks identity's account row.
create table cred_passkey_cap_lock (
    account_id   uuid primary key
);
