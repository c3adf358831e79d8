-- The language an account's mail is written in: the page's at sign-up, then the header switcher's
-- last choice while signed in. Null (accounts made before): English.
alter table idn_account add column preferred_language varchar(8);
