-- A staff action's details as words (a message key and its arguments, AuditWords' encoding), said in the
-- reader's language by the console. Rows written before keep their English in "detail" and show it as
-- recorded. The subject is the account the action was about, or '' for actions about none (searches,
-- rebuilds), whose words are then in detail_words alone.
alter table ins_staff_action add column detail_words varchar(2000);
