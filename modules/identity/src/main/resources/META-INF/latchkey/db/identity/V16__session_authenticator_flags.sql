-- For a session signed in (or stepped up) with a passkey: the UV and BE flags of the verified assertion's
-- authenticator data (WebAuthn L3 §6.1). Null for other methods and for sessions from before this column.
alter table idn_session add column user_verified boolean;
alter table idn_session add column backup_eligible boolean;
