-- Stored definitions of the ACD: queues, agent profiles and the reason codes of Not ready.
-- The validators check every rule with its field path; the checks here only keep a bad row out if something
-- writes around them. Durations are whole seconds, as supervisors type them.

-- Queues are never deleted: calls, routing decisions and statistics keep naming them, so a queue that is no
-- longer wanted is retired (active = false) and keeps its row.
create table router_queue (
    name                   text        primary key check (name ~ '^[a-z][a-z0-9_-]{0,63}$'),
    display_name           text        not null check (length(display_name) between 1 and 200),
    service_level_percent  integer     not null check (service_level_percent between 1 and 100),
    service_level_seconds  integer     not null check (service_level_seconds > 0),
    short_abandon_seconds  integer     not null check (short_abandon_seconds >= 0),
    max_wait_seconds       integer     not null check (max_wait_seconds > 0),
    callback_offered       boolean     not null,
    strategy               text        not null,
    sticky_wait_seconds    integer     not null check (sticky_wait_seconds >= 0),
    ring_timeout_seconds   integer     not null check (ring_timeout_seconds between 5 and 120),
    wrap_up_seconds        integer     not null check (wrap_up_seconds between 0 and 600),
    active                 boolean     not null default true,
    version                integer     not null default 1,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    check (short_abandon_seconds < max_wait_seconds)
);

create table router_queue_skill (
    queue_name  text    not null references router_queue (name),
    skill       text    not null,
    minimum     integer not null check (minimum between 1 and 10),
    primary key (queue_name, skill)
);

-- position orders the steps; a step either widens the skills (its rows in router_queue_overflow_skill, none
-- meaning any agent) or moves the call to another queue.
create table router_queue_overflow (
    queue_name     text    not null references router_queue (name),
    position       integer not null check (position >= 0),
    after_seconds  integer not null check (after_seconds > 0),
    move_to        text    references router_queue (name),
    primary key (queue_name, position),
    check (move_to is null or move_to <> queue_name)
);

create index router_queue_overflow_move_to on router_queue_overflow (move_to) where move_to is not null;

create table router_queue_overflow_skill (
    queue_name  text    not null,
    position    integer not null,
    skill       text    not null,
    minimum     integer not null check (minimum between 1 and 10),
    primary key (queue_name, position, skill),
    foreign key (queue_name, position) references router_queue_overflow (queue_name, position)
);

-- Agents are deactivated, never deleted, for the same reason as queues: history names them.
create table router_agent (
    id            text        primary key check (id ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$'),
    display_name  text        not null check (length(display_name) between 1 and 200),
    teams         text[]      not null default '{}',
    endpoint      text        not null check (endpoint ~ '^[A-Za-z][A-Za-z0-9]{0,15}/[A-Za-z0-9+][A-Za-z0-9_.@+#*=:/-]{0,79}$'),
    active        boolean     not null default true,
    version       integer     not null default 1,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

-- One phone, one active agent: a ring meant for one agent must never reach another.
create unique index router_agent_endpoint_active on router_agent (endpoint) where active;

create table router_agent_skill (
    agent_id     text    not null references router_agent (id),
    skill        text    not null,
    proficiency  integer not null check (proficiency between 1 and 10),
    primary key (agent_id, skill)
);

create index router_agent_skill_by_skill on router_agent_skill (skill, proficiency);

create table router_reason_code (
    code        text        primary key check (code ~ '^[a-z][a-z0-9_-]{0,31}$'),
    label       text        not null check (length(label) between 1 and 100),
    productive  boolean     not null,
    created_at  timestamptz not null default now()
);

-- Codes the platform itself sets: no-answer after a RONA; the others are common enough to offer from the start.
insert into router_reason_code (code, label, productive) values
    ('no-answer', 'No answer (ring timeout)', false),
    ('break', 'Break', false),
    ('lunch', 'Lunch', false),
    ('training', 'Training', true),
    ('meeting', 'Meeting', true),
    ('back-office', 'Back-office work', true);
