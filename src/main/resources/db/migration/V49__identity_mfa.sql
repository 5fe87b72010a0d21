-- Two-factor authentication (issue 7): a person's authenticator app (TOTP), their one-time recovery codes, failed
-- second-factor attempts (throttling) and a Client's "members must use two-factor authentication" rule.

-- One authenticator per person, global like the person. The secret is sealed (AES-256-GCM with the platform's MFA
-- key, bound to the user id), never stored in clear; confirmed_at is null while enrolment waits for a first code.
create table user_totp (
    user_id        uuid primary key references users (id) on delete cascade,
    sealed_secret  bytea       not null,
    created_at     timestamptz not null,
    confirmed_at   timestamptz,
    -- the RFC 6238 time step of the last accepted code: that step and earlier ones are refused (no replay)
    last_used_step bigint
);
alter table user_totp enable row level security;
alter table user_totp force row level security;
create policy own_totp on user_totp using (user_id = app_user_id()) with check (user_id = app_user_id());

-- Ten one-time recovery codes, stored only as SHA-256 hashes of 80-bit random codes.
create table user_recovery_codes (
    user_id    uuid        not null references users (id) on delete cascade,
    code_hash  text        not null check (length(code_hash) = 64),
    created_at timestamptz not null,
    used_at    timestamptz,
    primary key (user_id, code_hash)
);
alter table user_recovery_codes enable row level security;
alter table user_recovery_codes force row level security;
create policy own_recovery_codes on user_recovery_codes
    using (user_id = app_user_id()) with check (user_id = app_user_id());

-- Wrong second-factor codes, to throttle guessing (the password was already right); kept one day.
create table mfa_failures (
    id      bigint generated always as identity primary key,
    user_id uuid        not null references users (id) on delete cascade,
    at      timestamptz not null
);
create index mfa_failures_by_user on mfa_failures (user_id, at);
alter table mfa_failures enable row level security;
alter table mfa_failures force row level security;
create policy own_mfa_failures on mfa_failures using (user_id = app_user_id()) with check (user_id = app_user_id());

-- A Client's rule: members must have a second factor.
create table client_mfa_policy (
    tenant_id  uuid primary key references clients (id) on delete cascade,
    required   boolean     not null default false,
    changed_at timestamptz not null default now()
);
call enable_tenant_isolation('client_mfa_policy');
