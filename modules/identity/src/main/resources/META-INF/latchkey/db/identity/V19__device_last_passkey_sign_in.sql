-- Each device's newest successful passkey sign-in (method and moment), kept current by every
-- sign-in, so that the coverage verdicts (nudges, the account page) need not read the sign-in log.
-- Null: no passkey sign-in on this device yet.
alter table idn_device add column last_passkey_method varchar(30);
alter table idn_device add column last_passkey_at timestamp with time zone;

-- Filled once from the log: one pass, one sort, one join (no per-device subquery), so that it
-- stays a matter of seconds to minutes on a log of tens of millions of rows.
update idn_device set last_passkey_method = newest.method, last_passkey_at = newest.occurred_at
from (
    select distinct on (device_id) device_id, method, occurred_at, id
    from idn_sign_in_event
    where succeeded and device_id is not null
      and method in ('PASSKEY', 'PASSKEY_THIS_DEVICE', 'PASSKEY_OTHER_DEVICE', 'SECURITY_KEY')
    order by device_id, occurred_at desc, id desc
) newest
where idn_device.id = newest.device_id;
