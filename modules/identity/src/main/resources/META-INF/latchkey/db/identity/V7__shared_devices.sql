-- A device marked shared or public (by the person, or by configured address ranges) as last seen.
alter table idn_device add column shared boolean default false not null;
