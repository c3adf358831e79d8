-- Assisted recovery (README, "Assisted recovery"): an agent checked the person's ID in person and
-- started a recovery; with two approvals a different agent approved it; the link (only its SHA-256
-- is stored) lets one browser create one passkey for the account, until expires_at (database clock).
create table ins_assisted_recovery (
    id               uuid primary key,
    account_id       uuid not null,
    agent_id         uuid not null,
    agent_email      varchar(254) not null,
    reason           varchar(500) not null,
    id_document      varchar(40) not null,     -- an AssistedRecovery.IdDocument name; the agent ticked "checked in person"
    approvals_needed integer not null,
    approver_id      uuid,
    approver_email   varchar(254),
    state            varchar(20) not null,     -- AWAITING_APPROVAL, LINK_ISSUED, CLAIMED, COMPLETED, EXPIRED
    token_hash       bytea,
    claimant_hash    bytea,                    -- SHA-256 of the person's browser's ceremony cookie: first come, only one
    passkey_id       uuid,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone,
    constraint ins_assisted_recovery_token_uq unique (token_hash)
);
create index ins_assisted_recovery_agent_ix on ins_assisted_recovery (agent_id, created_at);
create index ins_assisted_recovery_state_ix on ins_assisted_recovery (state, created_at);

-- One row per agent, locked (select ... for update) while their hourly count is taken and a new
-- recovery is written: parallel starts, on one instance or several, cannot pass the cap together.
create table ins_recovery_agent_lock (
    agent_id uuid primary key
);

-- What a staff action was about, beyond its subject (an assisted recovery's reason and ID check).
alter table ins_staff_action add column detail varchar(500);
