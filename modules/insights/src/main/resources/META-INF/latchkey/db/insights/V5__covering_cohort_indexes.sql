-- The dashboard's domain filter reads one domain's days of the cohort rollups and sums their counts.
-- With an index on (email_domain, on_day) alone, PostgreSQL fetched every matching row from the
-- table (a bitmap heap scan: some 13,000 sign-in rows and 52,000 nudge rows for one large domain over
-- 366 days). These indexes hold every column those queries read, so they become index-only scans
-- (BENCHMARKS.md, "Insights dashboard"). Key columns rather than INCLUDE: H2 has no INCLUDE.
drop index ins_sign_in_cohort_domain_ix;
create index ins_sign_in_cohort_domain_ix on ins_sign_in_cohort_daily
    (email_domain, on_day, sign_up, shared_device, method, succeeded, reason, attempts);

drop index ins_nudge_cohort_domain_ix;
create index ins_nudge_cohort_domain_ix on ins_nudge_cohort_daily
    (email_domain, on_day, sign_up, shared_device, scenario, device_group, variant, step, events);
