-- An address belongs to an account only once confirmed by a code sent to it. Until then the
-- account merely claims it (pending_email), which reserves nothing: several unconfirmed accounts
-- may claim one address, and the first confirmation wins. email stays unique among confirmed ones.

alter table idn_account alter column email drop not null;
alter table idn_account add column pending_email varchar(254);
alter table idn_account add column email_confirmed_at timestamp with time zone;
-- Accounts created before confirmation existed keep their address as confirmed.
update idn_account set email_confirmed_at = created_at where email is not null;
create index idn_account_pending_email_ix on idn_account (pending_email);

alter table idn_email_code add column purpose varchar(20) default 'SIGN_IN' not null;
