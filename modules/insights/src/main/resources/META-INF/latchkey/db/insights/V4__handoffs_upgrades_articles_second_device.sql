-- The dashboard's handoff funnel, help-article helpfulness and time to a second covered device.
-- (Automatic-upgrade outcomes need no table: they are nudge steps of scenario AUTOMATIC_UPGRADE,
-- counted in the nudge rollups.) Days counted before this migration are here only after a rebuild.

-- Link handoff steps (nudges' HandoffStep: ISSUED, CLAIMED, PASSKEY_PENDING, PAIRED, FAILED, EXPIRED,
-- CODE_WRONG, REFUSED_..., ..._REFUSED) per UTC day and the issuing account's email domain and
-- sign-up mode ('' and '' for a token that matched no link). Handoffs have no device of their own
-- that could be shared: the device filter does not apply.
create table ins_handoff_daily (
    on_day        date not null,
    email_domain  varchar(100) not null,
    sign_up       varchar(12) not null,
    step          varchar(30) not null,
    events        bigint not null,
    primary key (on_day, email_domain, sign_up, step)
);

-- "Was this helpful?" answers per UTC day, article and the language it was shown in. The answers
-- carry nothing about the person: no cohort filter applies.
create table ins_article_feedback_daily (
    on_day     date not null,
    slug       varchar(80) not null,
    language   varchar(16) not null,
    helpful    boolean not null,
    answers    bigint not null,
    primary key (on_day, slug, language, helpful)
);

-- Time to a second covered device. A personal (not shared) device is covered from the first moment
-- a platform passkey was created on it or a passkey on it signed in (PASSKEY_THIS_DEVICE).
create table ins_covered_device (
    account_id  uuid not null,
    device_id   uuid not null,
    covered_at  timestamp with time zone not null,
    primary key (account_id, device_id)
);

-- Per account: its sign-up cohort, its first passkey and when a second device was covered (once set,
-- never moved). Only what the histogram below needs to be kept exactly once per account.
create table ins_account_progress (
    account_id         uuid primary key,
    signed_up_on       date not null,
    email_domain       varchar(100) not null,
    sign_up            varchar(12) not null,
    first_passkey_at   timestamp with time zone,
    second_covered_at  timestamp with time zone
);

-- Accounts with a passkey per sign-up day and cohort, by whole days from the first passkey to the
-- second covered device (-1: not there yet). The dashboard's median, 90th percentile and shares
-- within 7 and 30 days come from these few rows, never from the per-account rows above.
create table ins_second_device_daily (
    signed_up_on  date not null,
    email_domain  varchar(100) not null,
    sign_up       varchar(12) not null,
    days          integer not null,
    accounts      bigint not null,
    primary key (signed_up_on, email_domain, sign_up, days)
);
create index ins_second_device_domain_ix on ins_second_device_daily (email_domain, signed_up_on);
