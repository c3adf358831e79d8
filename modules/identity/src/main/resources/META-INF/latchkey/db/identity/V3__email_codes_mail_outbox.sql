-- One-time email codes for sign-in, and the outbox every outgoing mail passes through.

create table idn_email_code (
    id              uuid primary key,
    attempt_hash    bytea not null,            -- SHA-256 of the attempt token in the browser's cookie
    account_id      uuid,                      -- null when no account uses the address (same treatment otherwise)
    email           varchar(254) not null,     -- normalised address as typed, for per-address caps
    code_hash       bytea not null,            -- SHA-256(attempt token || code)
    tries           integer not null,
    client_address  varchar(64) not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    consumed_at     timestamp with time zone,
    constraint idn_email_code_attempt_uq unique (attempt_hash)
);
create index idn_email_code_email_ix on idn_email_code (email, created_at);
create index idn_email_code_address_ix on idn_email_code (client_address, created_at);

create table idn_mail_outbox (
    id          uuid primary key,
    recipient   varchar(254),                  -- null for a suppressed message (no account: nothing is sent)
    subject     varchar(200) not null,
    body        varchar(4000) not null,
    created_at  timestamp with time zone not null,
    sent_at     timestamp with time zone,
    last_error  varchar(300)
);
create index idn_mail_outbox_created_ix on idn_mail_outbox (created_at);
