-- The web console's users and their roles. Users are never deleted (history and audit name them): an
-- administrator disables them. Passwords are stored only as hashes ({bcrypt}... with the encoder's id).
create table console_user (
    username            text primary key
                        check (username ~ '^[a-z0-9][a-z0-9._@-]{0,63}$'),
    display_name        text not null check (length(display_name) between 1 and 100),
    password_hash       text not null check (length(password_hash) between 20 and 500),
    -- the router's agent id this user takes calls as (users with the AGENT role); one user per agent
    agent_id            text unique check (agent_id is null or agent_id ~ '^[\x21-\x7e]{1,128}$'),
    enabled             boolean not null default true,
    failed_logins       integer not null default 0 check (failed_logins >= 0),
    locked_until        timestamptz,
    password_changed_at timestamptz not null default now(),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             integer not null default 0
);

create table console_user_role (
    username text not null references console_user (username),
    role     text not null check (role in ('AGENT', 'SUPERVISOR', 'CAMPAIGN_MANAGER', 'ADMIN')),
    primary key (username, role)
);
