-- Staff roles an admin granted in the console (README, "Operator console"), beyond the ones the
-- LATCHKEY_OPERATORS/ADMINS/AGENTS settings give. Like those, a grant counts only while the account's
-- address is confirmed. Revoking deletes the row; the grant and the revocation are audited (insights'
-- staff actions, in the same transaction).
create table idn_staff_grant (
    account_id   uuid not null,
    role         varchar(20) not null,     -- a StaffRole name: OPERATOR or AGENT (admins come from configuration only)
    granted_by   uuid not null,
    granted_at   timestamp with time zone not null,
    primary key (account_id, role)
);
