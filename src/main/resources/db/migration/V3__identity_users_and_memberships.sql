-- People, global across Clients: one person may belong to several Clients.
create table users (
    id                  uuid primary key,
    email               text        not null check (email = lower(email) and length(email) between 3 and 254),
    name                text        not null check (length(name) between 1 and 200),
    password_hash       text,
    email_verified_at   timestamptz,
    password_changed_at timestamptz not null default now(),
    locale              text        not null default 'en' check (length(locale) <= 35),
    time_zone           text        not null default 'UTC' check (length(time_zone) <= 64),
    created_at          timestamptz not null default now()
);
create unique index users_email_key on users (email);

create table memberships (
    tenant_id    uuid        not null references clients (id),
    user_id      uuid        not null references users (id),
    role         text        not null check (role in ('owner', 'admin', 'member', 'read-only')),
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    primary key (tenant_id, user_id)
);
create index memberships_user on memberships (user_id);
alter table memberships enable row level security;
alter table memberships force row level security;
-- A Client sees its members; a signed-in person sees their own memberships, to switch between Clients.
create policy tenant_or_own on memberships
    using (tenant_id = app_tenant_id() or user_id = app_user_id())
    with check (tenant_id = app_tenant_id());

alter table users enable row level security;
alter table users force row level security;
-- A person is visible to themselves, to the Clients they belong to, and to a sign-in that names their email.
create policy self_member_or_lookup on users
    using (id = app_user_id()
        or email = app_lookup_email()
        or exists (select 1 from memberships m where m.user_id = users.id and m.tenant_id = app_tenant_id()))
    with check (true);

-- One-time links mailed to a person: email verification and password reset. Stored only as SHA-256 hashes.
create table user_tokens (
    id         uuid primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    purpose    text        not null check (purpose in ('verify-email', 'reset-password')),
    token_hash text        not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index user_tokens_user on user_tokens (user_id);
alter table user_tokens enable row level security;
alter table user_tokens force row level security;
create policy holder_or_own on user_tokens
    using (token_hash = app_lookup_hash() or user_id = app_user_id())
    with check (true);

create table invitations (
    tenant_id   uuid        not null references clients (id),
    id          uuid        not null,
    email       text        not null check (email = lower(email) and length(email) between 3 and 254),
    role        text        not null check (role in ('owner', 'admin', 'member', 'read-only')),
    invited_by  uuid        not null references users (id),
    token_hash  text        not null unique,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    revoked_at  timestamptz,
    primary key (tenant_id, id)
);
alter table invitations enable row level security;
alter table invitations force row level security;
create policy tenant_or_holder on invitations
    using (tenant_id = app_tenant_id() or token_hash = app_lookup_hash())
    with check (tenant_id = app_tenant_id() or token_hash = app_lookup_hash());

-- Personal access tokens: only the SHA-256 of the token is kept.
create table api_tokens (
    tenant_id    uuid        not null,
    id           uuid        not null,
    user_id      uuid        not null,
    name         text        not null check (length(name) between 1 and 100),
    token_hash   text        not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references memberships (tenant_id, user_id) on delete cascade
);
create index api_tokens_user on api_tokens (tenant_id, user_id);
alter table api_tokens enable row level security;
alter table api_tokens force row level security;
create policy tenant_or_holder on api_tokens
    using (tenant_id = app_tenant_id() or token_hash = app_lookup_hash())
    with check (tenant_id = app_tenant_id() or token_hash = app_lookup_hash());

-- Sign-in attempts, for throttling per account and per address; kept one day.
create table sign_in_attempts (
    id        uuid primary key,
    email     text        not null,
    ip        text        not null,
    succeeded boolean     not null,
    at        timestamptz not null default now()
);
create index sign_in_attempts_email on sign_in_attempts (email, at);
create index sign_in_attempts_ip on sign_in_attempts (ip, at);
