-- On which of identity's device records (an opaque id here) a passkey was created and last used.
alter table cred_passkey add column created_device_id uuid;
alter table cred_passkey add column last_used_device_id uuid;
create index cred_passkey_created_device_ix on cred_passkey (created_device_id);
