-- Abuse limits on fallback sign-in, held in the database so that they hold across instances.
-- One row per (factor, subject): the subject is a normalised email address (whether or not an
-- account uses it, so a limit reveals nothing) or a client network address.

create table idn_throttle (
    throttle_key      varchar(320) primary key,
    failures          integer not null,           -- consecutive failures since the last success or lift
    last_failure_at   timestamp with time zone not null,
    suspended_at      timestamp with time zone    -- set at the suspension threshold (addresses only)
);
