-- What each Client asks consent for (defaults made on first use, editable later).
create table consent_purposes (
    tenant_id   uuid        not null references clients (id),
    key         text        not null check (key ~ '^[a-z][a-z0-9-]{0,49}$'),
    label       text        not null check (length(label) between 1 and 100),
    description text        check (length(description) <= 500),
    created_at  timestamptz not null default now(),
    primary key (tenant_id, key)
);
call enable_tenant_isolation('consent_purposes');

-- The consent ledger: every grant and withdrawal, with how it was given and the evidence. Entries are never changed;
-- the current state per subject and purpose is the newest entry. Only erasure of the subject removes entries.
create table consent_events (
    tenant_id      uuid        not null references clients (id),
    id             uuid        not null,
    contact_id     uuid        not null,
    purpose        text        not null,
    granted        boolean     not null,
    method         text        not null check (method in ('form', 'import', 'preference-centre', 'api')),
    policy_version text        check (length(policy_version) <= 50),
    evidence       jsonb       not null default '{}',
    recorded_by    uuid,
    recorded_at    timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, purpose) references consent_purposes (tenant_id, key)
);
call enable_tenant_isolation('consent_events');
create index consent_events_of_contact on consent_events (tenant_id, contact_id, purpose, recorded_at desc, id desc);

revoke update, truncate on consent_events from ${appRole};
create function consent_events_are_append_only() returns trigger
    language plpgsql
    as $$ begin raise exception 'consent_events is append-only'; end $$;
create trigger consent_events_append_only
    before update on consent_events
    for each row execute function consent_events_are_append_only();
