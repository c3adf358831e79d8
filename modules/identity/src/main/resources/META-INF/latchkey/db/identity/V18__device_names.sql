-- A name the person gives one of their devices ("Work laptop"), shown instead of the automatic
-- label ("Edge on Windows") so that devices of the same kind can be told apart. Null: none given.
alter table idn_device add column given_name varchar(160);
