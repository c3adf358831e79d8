-- One row per capped subject of email codes ('email:<address>', 'client:<network address>').
-- A code request inserts its rows if missing (insert ... on conflict do nothing) and locks them
-- (select ... for update) before it counts and stores: parallel requests, on one instance or on
-- several sharing the database, take turns, and a cap of 5 stores exactly 5 codes.
create table idn_code_cap_lock (
    cap_key   varchar(330) primary key
);
