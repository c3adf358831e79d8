-- The secret key of the keyed hash (HMAC-SHA256) that derives identifiers given to clients: the session
-- id (sid) of ID and logout tokens, and pairwise subject identifiers. One row, made by the first instance
-- that needs it (the primary key makes two instances agree on one); never shown, never rotated (a new key
-- would change every identifier the clients hold).
create table fed_identifier_key (
    name        varchar(30) primary key,
    secret      bytea not null,
    created_at  timestamp with time zone not null
);
