-- The optional password of an account. Only its Argon2id hash is stored, as a PHC string that
-- records the cost parameters (so they can be raised later: a hash with an old cost is replaced
-- at the next successful sign-in, which changes hashed_at but not set_at).
-- Numbered V10: V5..V9 are reserved for work on other parts of issue 3.

create table idn_password (
    account_id     uuid primary key references idn_account (id) on delete cascade,
    password_hash  varchar(200) not null,
    set_at         timestamp with time zone not null,   -- when the user chose this password
    hashed_at      timestamp with time zone not null    -- when this hash was computed
);
