-- The handoff funnel without the email domain: what the dashboard reads when no domain is chosen
-- (no filter, or only the sign-up mode). ins_handoff_daily keeps a row per day, domain, sign-up mode
-- and step, some 80,000 rows a year on a million accounts at 39 domains; the dashboard summed all of
-- them for an unfiltered year. This table holds the same counts summed over the domains, about 6,000
-- rows a year. The observers and the rebuild write both tables; this fills it from the other once.
create table ins_handoff_mode_daily (
    on_day   date not null,
    sign_up  varchar(12) not null,
    step     varchar(30) not null,
    events   bigint not null,
    primary key (on_day, sign_up, step)
);

insert into ins_handoff_mode_daily (on_day, sign_up, step, events)
    select on_day, sign_up, step, sum(events) from ins_handoff_daily group by on_day, sign_up, step;
