-- The account page's reads of ndg_decision, both per device and newest first (JpaNudges: this
-- device's newest account-page decision; AutomaticUpgrades: its newest automatic-upgrade offer).
-- V1's (account_id, decided_at) index made them walk every decision of the account, newest first,
-- one after-sign-in decision per sign-in, until one matched the device and moment: a read that grew
-- with the account's history. These find the one row directly (checked with EXPLAIN on PostgreSQL).
create index ndg_decision_device_moment_ix on ndg_decision (account_id, device_id, moment, decided_at);
create index ndg_decision_device_scenario_ix on ndg_decision (account_id, device_id, scenario, decided_at);
