-- Sign-ins, failures, locks and unlocks are audited too; they concern no call.
alter table audit_events alter column cid drop not null;
