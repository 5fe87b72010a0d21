-- Team365's own privacy policy: each version ships with the release (src/main/resources/legal) and is registered
-- here at startup. Public text, the same for every Client, so a platform table without row-level security.
create table privacy_policy_versions (
    version       text        primary key check (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$'),
    effective_on  date        not null,
    material      boolean     not null,
    summary       text        not null check (length(summary) between 1 and 2000),
    body          text        not null check (length(body) between 1 and 500000),
    registered_at timestamptz not null,
    -- set by the mail job once every affected person has been mailed about a material change
    mailing_done_at timestamptz
);

-- Each Client's privacy notice: versions are published by its admins and never changed afterwards.
create table privacy_notice_versions (
    tenant_id    uuid        not null references clients (id),
    version      text        not null check (version ~ '^v[0-9]{1,6}$'),
    effective_on date        not null,
    material     boolean     not null,
    summary      text        not null check (length(summary) between 1 and 1000),
    body         text        not null check (length(body) between 1 and 100000),
    published_by uuid,
    published_at timestamptz not null,
    mailing_done_at timestamptz,
    primary key (tenant_id, version)
);
call enable_tenant_isolation('privacy_notice_versions');
create index privacy_notice_versions_current on privacy_notice_versions (tenant_id, effective_on desc, published_at desc);
-- a published version is never changed; only the mail job marks it done
revoke update, truncate on privacy_notice_versions from ${appRole};
grant update (mailing_done_at) on privacy_notice_versions to ${appRole};

-- Who accepted which version of Team365's policy: each person's own rows, not a Client's.
create table policy_acceptances (
    user_id     uuid        not null references users (id) on delete cascade,
    version     text        not null references privacy_policy_versions (version),
    accepted_at timestamptz not null,
    ip_hash     text        check (length(ip_hash) <= 128),
    primary key (user_id, version)
);
alter table policy_acceptances enable row level security;
alter table policy_acceptances force row level security;
create policy own_acceptances on policy_acceptances
    using (user_id = app_user_id()) with check (user_id = app_user_id());

-- Who accepted which version of a Client's notice; goes with the membership.
create table notice_acceptances (
    tenant_id   uuid        not null,
    user_id     uuid        not null,
    version     text        not null,
    accepted_at timestamptz not null,
    ip_hash     text        check (length(ip_hash) <= 128),
    primary key (tenant_id, user_id, version),
    foreign key (tenant_id, version) references privacy_notice_versions (tenant_id, version),
    foreign key (tenant_id, user_id) references memberships (tenant_id, user_id) on delete cascade
);
call enable_tenant_isolation('notice_acceptances');

-- Who has been mailed about a material change, so each person gets one mail per version however often the job runs.
create table policy_mailings (
    version   text        not null references privacy_policy_versions (version),
    user_id   uuid        not null references users (id) on delete cascade,
    queued_at timestamptz not null,
    primary key (version, user_id)
);
alter table policy_mailings enable row level security;
alter table policy_mailings force row level security;
create policy mailer_or_own on policy_mailings
    using (app_worker() = 'policy-mail' or user_id = app_user_id())
    with check (app_worker() = 'policy-mail');

create table notice_mailings (
    tenant_id uuid        not null,
    version   text        not null,
    user_id   uuid        not null,
    queued_at timestamptz not null,
    primary key (tenant_id, version, user_id),
    foreign key (tenant_id, version) references privacy_notice_versions (tenant_id, version),
    foreign key (tenant_id, user_id) references memberships (tenant_id, user_id) on delete cascade
);
call enable_tenant_isolation('notice_mailings');

-- Closing one's own account: a person may delete their own user row (their memberships go first, Client by Client).
create policy users_remove on users for delete using (id = app_user_id());
-- an invitation outlives the account of whoever sent it
alter table invitations alter column invited_by drop not null;
alter table invitations drop constraint invitations_invited_by_fkey;
alter table invitations add constraint invitations_invited_by_fkey
    foreign key (invited_by) references users (id) on delete set null;
