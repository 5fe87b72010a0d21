-- Erased people's identifiers, kept only as one-way hashes (SHA-256 over the Client's id and the normalised email or
-- phone), so an import or a restored backup cannot silently bring them back. Never changed; erasure adds to it.
create table subject_suppressions (
    tenant_id     uuid        not null references clients (id),
    hash          text        not null check (hash ~ '^[0-9a-f]{64}$'),
    kind          text        not null check (kind in ('email', 'phone')),
    request_id    uuid,
    suppressed_at timestamptz not null default now(),
    primary key (tenant_id, hash)
);
call enable_tenant_isolation('subject_suppressions');
revoke update on subject_suppressions from ${appRole};

-- A data subject's processing restriction (GDPR art. 18): their record is stored and readable, but edits, bulk
-- actions, conversion and campaigns refuse it until the restriction is lifted (the row deleted).
create table processing_restrictions (
    tenant_id     uuid        not null references clients (id),
    record_type   text        not null check (record_type in ('contact', 'lead')),
    record_id     uuid        not null,
    request_id    uuid,
    restricted_by uuid,
    restricted_at timestamptz not null default now(),
    primary key (tenant_id, record_type, record_id)
);
call enable_tenant_isolation('processing_restrictions');

-- A contact objected to marketing and tracking: every purpose added later starts withdrawn for them.
create table subject_objections (
    tenant_id   uuid        not null references clients (id),
    contact_id  uuid        not null,
    request_id  uuid,
    objected_at timestamptz not null default now(),
    primary key (tenant_id, contact_id)
);
call enable_tenant_isolation('subject_objections');
