-- Passkeys (WebAuthn credentials) of people. People are global, so these tables belong to no Client: each row is
-- visible to its own person, and at sign-in to whoever presents its id (app.lookup_passkey), like an email at
-- password sign-in. The id is not a secret; the signature the authenticator makes over a fresh challenge is the proof.
create function app_lookup_passkey() returns text
    language sql stable parallel safe
    as $$ select nullif(current_setting('app.lookup_passkey', true), '') $$;

-- A person as the authenticators know them: a random handle (WebAuthn user.id), never the user id or email, so a
-- passkey reveals nothing about the account it belongs to. The display name is read from users, not copied.
create table passkey_users (
    user_id     uuid        primary key references users (id) on delete cascade,
    user_handle text        not null unique check (length(user_handle) between 1 and 100),
    created_at  timestamptz not null default now(),
    unique (user_id, user_handle)
);
alter table passkey_users enable row level security;
alter table passkey_users force row level security;
create policy passkey_users_read on passkey_users for select
    using (user_id = app_user_id() or user_handle = app_lookup_passkey());
create policy passkey_users_create on passkey_users for insert with check (user_id = app_user_id());
create policy passkey_users_remove on passkey_users for delete using (user_id = app_user_id());
revoke update, truncate on passkey_users from ${appRole};

-- One passkey: its public key (in the attestation object, as Spring Security reads it back at sign-in), signature
-- counter, flags and the person's own label for it. Credential ids are base64url, as browsers send them; the uuid
-- names the passkey in addresses and the audit trail. The user handle is repeated (kept equal by the foreign key)
-- so a sign-in that found the credential knows whose it is without seeing passkey_users.
create table passkey_credentials (
    credential_id      text        primary key check (length(credential_id) between 16 and 1400),
    id                 uuid        not null unique,
    user_id            uuid        not null,
    user_handle        text        not null,
    label              text        not null check (length(label) between 1 and 100),
    credential_type    text        not null check (credential_type = 'public-key'),
    public_key         bytea       not null,
    attestation_object bytea       not null,
    signature_count    bigint      not null check (signature_count >= 0),
    uv_initialized     boolean     not null,
    backup_eligible    boolean     not null,
    backup_state       boolean     not null,
    transports         text[]      not null default '{}',
    created_at         timestamptz not null,
    last_used_at       timestamptz,
    foreign key (user_id, user_handle) references passkey_users (user_id, user_handle) on delete cascade
);
create index passkey_credentials_user on passkey_credentials (user_id, created_at);
alter table passkey_credentials enable row level security;
alter table passkey_credentials force row level security;
create policy passkey_credentials_read on passkey_credentials for select
    using (user_id = app_user_id() or credential_id = app_lookup_passkey());
create policy passkey_credentials_create on passkey_credentials for insert with check (user_id = app_user_id());
-- a sign-in updates the counter and last use of the credential it verified; renaming is the owner's
create policy passkey_credentials_change on passkey_credentials for update
    using (user_id = app_user_id() or credential_id = app_lookup_passkey())
    with check (user_id = app_user_id() or credential_id = app_lookup_passkey());
create policy passkey_credentials_remove on passkey_credentials for delete using (user_id = app_user_id());
revoke update, truncate on passkey_credentials from ${appRole};
grant update (label, signature_count, backup_state, uv_initialized, last_used_at) on passkey_credentials to ${appRole};
