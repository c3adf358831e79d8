-- The mail outbox becomes the queue every instance delivers from (README, "Mail delivery"):
-- status PENDING (waiting or between tries), SENT, DEAD (given up after the last try; an operator
-- may retry) or SUPPRESSED (no account uses the address: written like any other, never sent).
-- A try claims a row for a lease (claimed_by, claimed_until: database clock), so a node that dies
-- mid-send leaves it to another once the lease has run out.
-- The secret a message carries (a code, an invitation token) is kept apart in secret, which is
-- emptied when the message is sent; subject and body hold the mark {{secret}} in its place.
-- Rows written before this version hold codes and invitation links in clear text in subject and
-- body and cannot be told apart from other text: they are deleted (sent ones are history; unsent
-- ones are old enough that their codes have expired, and an operator can send a pending
-- invitation again).
delete from idn_mail_outbox;

alter table idn_mail_outbox add column status varchar(12) default 'PENDING' not null;
alter table idn_mail_outbox add column secret varchar(200);
alter table idn_mail_outbox add column attempts integer default 0 not null;
alter table idn_mail_outbox add column next_attempt_at timestamp with time zone;
alter table idn_mail_outbox add column claimed_by varchar(80);
alter table idn_mail_outbox add column claimed_until timestamp with time zone;
alter table idn_mail_outbox add column dead_at timestamp with time zone;
create index idn_mail_outbox_due_ix on idn_mail_outbox (status, next_attempt_at);

-- For the purge jobs: expired rows are found by their end.
create index idn_email_code_expires_ix on idn_email_code (expires_at);
create index idn_throttle_last_failure_ix on idn_throttle (last_failure_at);
