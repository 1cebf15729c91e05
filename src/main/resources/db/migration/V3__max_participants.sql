-- Present users per call (audio and video are a mesh between their browsers): 2..8, default 4.
alter table call_types add column max_participants integer default 4 not null;
