-- A reason code no longer offered to agents is retired, never deleted: agent history and statistics keep naming it.
alter table router_reason_code add column active boolean not null default true;
