-- Single sign-on (issue 7, ADR 0028).

-- A person's identities at OpenID Connect / OAuth2 providers. Global like users: one person, several Clients. What the
-- provider told us (email, whether it is verified, name, picture address) is kept with its source (the registration
-- and issuer) as the privacy policy says; no token is ever stored.
create table sso_identities (
    id              uuid primary key,
    user_id         uuid        not null references users (id) on delete cascade,
    -- the sign-in option: a platform provider ('google', 'microsoft', ...) or a Client's own ('client-<uuid>')
    registration_id text        not null check (length(registration_id) between 1 and 100),
    issuer          text        not null check (length(issuer) between 1 and 500),
    subject         text        not null check (length(subject) between 1 and 255),
    -- SHA-256 (hex) of registration, issuer and subject: the key a sign-in holds before anyone knows who it is
    subject_key     text        not null unique,
    email           text check (length(email) <= 254),
    email_verified  boolean     not null default false,
    name            text check (length(name) <= 200),
    picture_url     text check (length(picture_url) <= 2000),
    linked_at       timestamptz not null,
    last_used_at    timestamptz
);
create index sso_identities_user on sso_identities (user_id);
alter table sso_identities enable row level security;
alter table sso_identities force row level security;
-- A person sees their own links; a sign-in sees the one link whose key it holds.
create policy own_or_holder on sso_identities
    using (user_id = app_user_id() or subject_key = app_lookup_hash())
    with check (user_id = app_user_id() or subject_key = app_lookup_hash());

-- A Client's own OpenID Connect provider. The endpoints come from the issuer's discovery document, read when an admin
-- saves; the client secret is sealed with the Client's data key (TenantCrypto, purpose 'sso.client-secret').
create table sso_client_providers (
    tenant_id         uuid        not null references clients (id),
    issuer            text        not null check (length(issuer) between 8 and 500),
    client_id         text        not null check (length(client_id) between 1 and 255),
    client_secret     bytea       not null,
    authorization_uri text        not null check (length(authorization_uri) <= 1000),
    token_uri         text        not null check (length(token_uri) <= 1000),
    jwk_set_uri       text        not null check (length(jwk_set_uri) <= 1000),
    user_info_uri     text check (length(user_info_uri) <= 1000),
    -- members (other than owners, the break-glass) may sign in to this Client only through this provider
    require_sso       boolean     not null default false,
    -- a verified person the provider signs in who is not yet a member joins as a member
    allow_join        boolean     not null default false,
    updated_at        timestamptz not null,
    primary key (tenant_id)
);
call enable_tenant_isolation('sso_client_providers');
