-- The customer record (DESIGN.md "The customer record"): static data, dynamic data, derived figures.
-- History is never deleted: the triggers at the end refuse deletes of customers and of their history.

create table customer (
    id                    bigint generated always as identity primary key,
    kind                  text        not null check (kind in ('INDIVIDUAL', 'ORGANIZATION')),
    type                  text        not null check (type in ('CURRENT', 'POTENTIAL', 'LOST', 'DISTRIBUTOR')),
    name                  text        not null check (length(btrim(name)) > 0),
    email                 text,
    address_line          text,
    city                  text,
    region                text,
    postal_code           text,
    country               char(2),
    time_zone             text,
    preferred_language    text,
    -- individuals
    birth_date            date,
    gender                text check (gender in ('FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED')),
    occupation            text,
    education             text,
    -- organizations
    industry              text,
    legal_representative  text,
    contact_person        text,
    -- the day the relationship started: the "anniversary" alert
    customer_since        date,
    -- everything less common: interests, family, contact preferences, ...
    attributes            jsonb       not null default '{}'::jsonb,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    version               integer     not null default 0
);

create index customer_name_lower_idx on customer (lower(name) text_pattern_ops);
create index customer_type_idx on customer (type);

create table customer_phone (
    customer_id  bigint  not null references customer (id),
    e164         text    not null check (e164 ~ '^\+[1-9][0-9]{6,14}$'),
    label        text    not null default 'MOBILE' check (label in ('MOBILE', 'HOME', 'WORK', 'FAX', 'OTHER')),
    is_primary   boolean not null default false,
    constraint customer_phone_e164_key unique (e164)
);

create index customer_phone_customer_idx on customer_phone (customer_id);

create table purchase (
    id            bigint generated always as identity primary key,
    customer_id   bigint        not null references customer (id),
    purchased_on  date          not null,
    product       text          not null,
    amount        numeric(14, 2) not null check (amount >= 0),
    quantity      integer       not null default 1 check (quantity > 0),
    due_on        date,
    paid_on       date
);

create index purchase_customer_idx on purchase (customer_id, purchased_on);

create table interaction (
    id            bigint generated always as identity primary key,
    customer_id   bigint      not null references customer (id),
    channel       text        not null check (channel in ('PHONE', 'EMAIL', 'CHAT', 'SMS', 'VISIT', 'MAIL')),
    direction     text        not null check (direction in ('INBOUND', 'OUTBOUND')),
    agent_id      text,
    call_id       text,
    queue         text,
    outcome       text        not null,
    disposition   text,
    notes         text,
    started_at    timestamptz not null,
    ended_at      timestamptz,
    wait_seconds  integer,
    talk_seconds  integer,
    check (ended_at is null or ended_at >= started_at)
);

create index interaction_customer_idx on interaction (customer_id, started_at desc);

create table service_request (
    id           bigint generated always as identity primary key,
    customer_id  bigint      not null references customer (id),
    kind         text        not null check (kind in ('COMPLAINT', 'SERVICE_REQUEST')),
    subject      text        not null,
    status       text        not null default 'OPEN' check (status in ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
    opened_at    timestamptz not null default now(),
    closed_at    timestamptz
);

create index service_request_open_idx on service_request (customer_id) where status in ('OPEN', 'IN_PROGRESS');

create table satisfaction_score (
    id              bigint generated always as identity primary key,
    customer_id     bigint      not null references customer (id),
    score           smallint    not null check (score between 1 and 5),
    interaction_id  bigint references interaction (id),
    recorded_at     timestamptz not null default now(),
    comment         text
);

create index satisfaction_customer_idx on satisfaction_score (customer_id);

create table campaign_participation (
    customer_id  bigint      not null references customer (id),
    campaign     text        not null,
    joined_on    date        not null,
    response     text,
    primary key (customer_id, campaign)
);

create table care_plan_contact (
    id           bigint generated always as identity primary key,
    customer_id  bigint      not null references customer (id),
    planned_at   timestamptz not null,
    purpose      text        not null,
    channel      text        not null default 'PHONE',
    owner_agent  text,
    done_at      timestamptz
);

create index care_plan_next_idx on care_plan_contact (customer_id, planned_at) where done_at is null;

-- Derived figures, one row per customer, kept current on every change and refreshed in full periodically.
create table customer_figures (
    customer_id           bigint primary key references customer (id),
    purchase_count        integer        not null,
    monetary              numeric(16, 2) not null,
    first_purchase_on     date,
    last_purchase_on      date,
    recency_days          integer,
    purchase_cycle_days   numeric(10, 2),
    r_score               smallint check (r_score between 1 and 5),
    f_score               smallint check (f_score between 1 and 5),
    m_score               smallint check (m_score between 1 and 5),
    lifetime_value        numeric(16, 2) not null,
    grade                 char(1)        not null check (grade in ('A', 'B', 'C', 'D')),
    top_value             boolean        not null,
    loyalty_tier          text           not null,
    overdue_amount        numeric(16, 2) not null,
    credit_flag           boolean        not null,
    churn_warning         boolean        not null,
    churn_reason          text,
    average_satisfaction  numeric(3, 2),
    computed_on           date           not null,
    computed_at           timestamptz    not null default now()
);

-- Breakpoints of the last full refresh: single changes are scored against them until the next one.
create table figure_breakpoints (
    id                     smallint primary key check (id = 1),
    recency_cuts           integer[]      not null,
    frequency_cuts         integer[]      not null,
    monetary_cuts          numeric[]      not null,
    top_value_threshold    numeric(16, 2) not null,
    customers_scored       integer        not null,
    computed_at            timestamptz    not null
);

create function refuse_delete() returns trigger language plpgsql as $$
begin
    raise exception 'rows of % are never deleted (customer history is kept; mark a customer LOST instead)', tg_table_name
        using errcode = 'P0001';
end;
$$;

create trigger customer_never_deleted before delete on customer
    for each row execute function refuse_delete();
create trigger purchase_never_deleted before delete on purchase
    for each row execute function refuse_delete();
create trigger interaction_never_deleted before delete on interaction
    for each row execute function refuse_delete();
create trigger service_request_never_deleted before delete on service_request
    for each row execute function refuse_delete();
create trigger satisfaction_never_deleted before delete on satisfaction_score
    for each row execute function refuse_delete();
create trigger customer_truncate_refused before truncate on customer
    for each statement execute function refuse_delete();
