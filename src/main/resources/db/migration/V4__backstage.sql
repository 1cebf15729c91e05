-- The waiting room (backstage): per call type, and a call's own override of it.
alter table call_types add column backstage_enabled boolean default false not null;
alter table call_types add column join_ahead_seconds integer default 0 not null;
alter table calls add column backstage_override boolean;
alter table calls add column join_ahead_override integer;
