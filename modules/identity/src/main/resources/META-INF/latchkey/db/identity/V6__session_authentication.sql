-- When and how a session last proved who is there (its sign-in, or a later step-up).
alter table idn_session add column authenticated_at timestamp with time zone;
alter table idn_session add column authenticated_by varchar(30);
update idn_session set authenticated_at = created_at, authenticated_by = 'PASSKEY';
alter table idn_session alter column authenticated_at set not null;
alter table idn_session alter column authenticated_by set not null;
