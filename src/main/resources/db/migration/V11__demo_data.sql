-- The demo data's guard (README, "Several nodes"): a node locks this one row while it creates the
-- demo or renews its ended appointments, so nodes that start together do either once. created_at
-- says when the demo was created; a database that already holds the demo counts as created.
create table demo_data (
    id         integer   primary key,
    created_at timestamp
);

insert into demo_data (id, created_at)
select 1, case
    when exists (select 1 from users where id in ('dr-lecter', 'bill', 'clarice'))
      or exists (select 1 from call_types where name in ('appointment', 'quick-check'))
    then current_timestamp end;
