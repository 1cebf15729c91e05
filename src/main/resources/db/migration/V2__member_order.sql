-- Members keep the order in which they were given (the API answers them in that order).
alter table call_members add column position integer not null default 0;
-- Existing members get distinct positions (alphabetical within each call).
update call_members set position = (
    select count(*) from call_members other
    where other.cid = call_members.cid and other.user_id < call_members.user_id);
