-- The daily rollups again, with the cohort dimensions the dashboard filters by: the account's email
-- domain ('' when the attempt named no known account), how it signed up (SELF, INVITATION; '' when
-- unknown) and whether the device was marked shared (a branch or public computer) when counted.
-- Kept by the same observers as ins_sign_in_daily / ins_nudge_daily (which stay: the unfiltered
-- dashboard reads those fewer rows). Days counted before this migration are here only after a rebuild.
-- The *_mode_daily tables hold the same counts without the domain: a filter by sign-up mode or
-- shared device alone reads a few rows a day there instead of every domain's.

create table ins_sign_in_cohort_daily (
    on_day         date not null,
    email_domain   varchar(100) not null,
    sign_up        varchar(12) not null,
    shared_device  boolean not null,
    method         varchar(30) not null,
    succeeded      boolean not null,
    reason         varchar(60) not null,
    attempts       bigint not null,
    primary key (on_day, email_domain, sign_up, shared_device, method, succeeded, reason)
);
-- A domain filter reads one domain's days, not every domain's.
create index ins_sign_in_cohort_domain_ix on ins_sign_in_cohort_daily (email_domain, on_day);

create table ins_nudge_cohort_daily (
    on_day         date not null,
    email_domain   varchar(100) not null,
    sign_up        varchar(12) not null,
    shared_device  boolean not null,
    scenario       varchar(30) not null,
    device_group   varchar(40) not null,
    variant        varchar(20) not null,
    step           varchar(20) not null,
    events         bigint not null,
    primary key (on_day, email_domain, sign_up, shared_device, scenario, device_group, variant, step)
);
create index ins_nudge_cohort_domain_ix on ins_nudge_cohort_daily (email_domain, on_day);

create table ins_sign_in_mode_daily (
    on_day         date not null,
    sign_up        varchar(12) not null,
    shared_device  boolean not null,
    method         varchar(30) not null,
    succeeded      boolean not null,
    reason         varchar(60) not null,
    attempts       bigint not null,
    primary key (on_day, sign_up, shared_device, method, succeeded, reason)
);

create table ins_nudge_mode_daily (
    on_day         date not null,
    sign_up        varchar(12) not null,
    shared_device  boolean not null,
    scenario       varchar(30) not null,
    device_group   varchar(40) not null,
    variant        varchar(20) not null,
    step           varchar(20) not null,
    events         bigint not null,
    primary key (on_day, sign_up, shared_device, scenario, device_group, variant, step)
);
