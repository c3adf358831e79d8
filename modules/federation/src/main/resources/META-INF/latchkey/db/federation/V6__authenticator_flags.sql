-- The UV and BE flags of the passkey sign-in a code or refresh token came from (identity's session
-- record), for the ID token's amr (RFC 8176): null for other methods and for rows from before.
alter table fed_code add column user_verified boolean;
alter table fed_code add column backup_eligible boolean;
alter table fed_refresh_token add column user_verified boolean;
alter table fed_refresh_token add column backup_eligible boolean;
