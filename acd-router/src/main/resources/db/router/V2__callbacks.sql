-- Callbacks: a caller who asked to be called back instead of waiting (virtual hold), or a callback an agent asked for
-- in a wrap-up or someone scheduled over the API. Each is routed like a call once due, in its queue at its place
-- (entered_at); the attempts to reach the customer are kept, and a callback never reached is given up, never deleted.

create table router_callback (
    id              bigint      generated always as identity primary key,
    kind            text        not null check (kind in ('VIRTUAL_HOLD', 'SCHEDULED')),
    -- Not a foreign key: a virtual-hold request names the queue the PBX put the caller in, which may not be defined;
    -- such a callback is given up with that reason when it comes due, so the request is kept, not lost.
    queue           text        not null,
    number          text        not null check (number ~ '^\+[1-9][0-9]{5,14}$'),
    customer_id     bigint      references customer (id),
    preferred_agent text,
    requested_by    text,
    -- The call that asked for it (virtual hold) or whose wrap-up scheduled it: a redelivered request files nothing.
    source_call_id  text,
    dnis            text        not null default '',
    -- What the caller chose in the IVR, one choice per line, for the agent's screen-pop.
    ivr_choices     text        not null default '',
    note            text        not null default '' check (length(note) <= 500),
    entered_at      timestamptz not null,
    due_at          timestamptz not null,
    status          text        not null check (status in ('PENDING', 'QUEUED', 'DONE', 'GAVE_UP', 'CANCELLED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    max_attempts    integer     not null check (max_attempts between 1 and 20),
    -- How many times it was put in a queue; each time under a call id of its own (cb-<id>-<offers>).
    offers          integer     not null default 0 check (offers >= 0),
    last_outcome    text,
    claimed_by      text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create unique index router_callback_source on router_callback (kind, source_call_id) where source_call_id is not null;
-- What the due-time scan reads, and what a stuck-offer sweep reads.
create index router_callback_due on router_callback (due_at) where status = 'PENDING';
create index router_callback_queued on router_callback (updated_at) where status = 'QUEUED';
create index router_callback_customer on router_callback (customer_id) where customer_id is not null;

-- Every attempt to reach the customer: the call it was made on, the agent, and how the dial went.
create table router_callback_attempt (
    callback_id  bigint      not null references router_callback (id),
    attempt      integer     not null check (attempt >= 1),
    call_id      text        not null,
    agent_id     text,
    outcome      text        not null,
    dial_status  text        not null,
    at           timestamptz not null,
    primary key (callback_id, attempt)
);
