-- A removed passkey's own name and AAGUID, kept on its PASSKEY_REMOVED event: the passkey row is gone, and
-- staff helping the person still need to tell which one it was. Null on other events and on rows before this.
alter table cred_event add column passkey_name varchar(160);
alter table cred_event add column aaguid uuid;
