-- The user's own name for a passkey (renaming on the account page); null keeps the automatic
-- name from the AAGUID list or the device that created it. Up to 64 characters (code points)
-- are accepted; 200 leaves room for any encoding of them.
alter table cred_passkey add column name varchar(200);
