-- The label of the browser a passkey was made on ("Chrome on Android"), kept with the passkey so that its
-- automatic name ("Passkey on Chrome on Android") identifies it even where there is no device record of
-- the account for that browser (a phone that made it over a link handoff without ever signing in) or the
-- record is gone (a device reported lost). Null: not known. Older rows get it on first read of the account's
-- passkey cards, from identity's device record (no module reads another's tables, so not here in SQL).
alter table cred_passkey add column created_on_label varchar(160);
alter table cred_pending_passkey add column created_on_label varchar(160);
