-- Insights' tables: derived data (rollups, snapshots) that a rebuild recomputes from the other
-- modules' event logs, and the audit of staff actions (not derived: never rebuilt or purged here).
-- No foreign keys into other modules' tables (no module touches another's tables).

-- Sign-in attempts per UTC day, method, outcome and failure reason ('' for successes).
-- Kept by insert-then-increment from identity's SignInEvent, after commit.
create table ins_sign_in_daily (
    on_day     date not null,
    method     varchar(30) not null,
    succeeded  boolean not null,
    reason     varchar(60) not null,
    attempts   bigint not null,
    primary key (on_day, method, succeeded, reason)
);

-- Nudge funnel steps per UTC day, scenario, device group (the device's platform), copy variant.
create table ins_nudge_daily (
    on_day        date not null,
    scenario      varchar(30) not null,
    device_group  varchar(40) not null,
    variant       varchar(20) not null,
    step          varchar(20) not null,
    events        bigint not null,
    primary key (on_day, scenario, device_group, variant, step)
);

-- Coverage as of a snapshot (hourly; the day's last one stays). dimension: ALL (group_key ''),
-- PLATFORM ("iPhone / Safari"), PROVIDER ("iCloud Keychain").
create table ins_coverage_snapshot (
    taken_on             date not null,
    dimension            varchar(20) not null,
    group_key            varchar(120) not null,
    accounts             bigint not null,
    accounts_with_passkey bigint not null,
    active_devices       bigint not null,
    covered_devices      bigint not null,
    accounts_fully_covered bigint not null,
    accounts_two_covered bigint not null,
    passkeys             bigint not null,
    synced_passkeys      bigint not null,
    accounts_at_risk     bigint not null,
    taken_at             timestamp with time zone not null,
    primary key (taken_on, dimension, group_key)
);

-- What staff did: every account lookup, rebuild and export, by whom. Append-only.
create table ins_staff_action (
    id            uuid primary key,
    actor_id      uuid not null,
    actor_email   varchar(254) not null,
    action        varchar(40) not null,
    subject       varchar(200) not null,
    occurred_at   timestamp with time zone not null
);
create index ins_staff_action_time_ix on ins_staff_action (occurred_at);
create index ins_staff_action_subject_ix on ins_staff_action (subject, occurred_at);
