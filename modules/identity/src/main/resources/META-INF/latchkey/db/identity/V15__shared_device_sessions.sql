-- A session on a shared or public device ends after a shorter idle time of its own (SessionPolicy.sharedIdle);
-- null: the deployment's idle timeout.
alter table idn_session add column idle_seconds integer;
