-- Imports: a file of contacts, companies, leads or deals run in the background in committed batches (ADR 0014).
-- checkpoint is the number of the file's records whose outcome is committed; the counts are written in the same
-- transaction as each batch, so a resumed import skips exactly the records already done and the counts stay exact.
create table imports (
    tenant_id          uuid        not null references clients (id),
    id                 uuid        not null,
    object             text        not null check (object in ('contacts', 'companies', 'leads', 'deals')),
    file_name          text        not null check (length(file_name) between 1 and 255),
    file_size          bigint      not null default 0,
    status             text        not null default 'queued'
        check (status in ('queued', 'running', 'done', 'failed', 'cancelled', 'undone')),
    on_duplicate       text        not null default 'skip' check (on_duplicate in ('skip', 'update', 'create')),
    mapping            jsonb       not null default '{}',
    columns            jsonb       not null default '[]',
    default_region     text        check (default_region ~ '^[A-Z]{2}$'),
    consent_basis      text        not null default 'none' check (length(consent_basis) <= 70),
    total              bigint,
    processed          bigint      not null default 0,
    created            bigint      not null default 0,
    updated            bigint      not null default 0,
    skipped            bigint      not null default 0,
    failed             bigint      not null default 0,
    suppressed         bigint      not null default 0,
    companies_created  bigint      not null default 0,
    checkpoint         bigint      not null default 0,
    runs               int         not null default 0,
    cancel_requested   boolean     not null default false,
    lease_owner        uuid,
    lease_until        timestamptz,
    error_message      text        check (length(error_message) <= 500),
    created_by         uuid,
    created_at         timestamptz not null default now(),
    started_at         timestamptz,
    finished_at        timestamptz,
    updated_at         timestamptz not null default now(),
    primary key (tenant_id, id)
);
call enable_tenant_isolation('imports');
create index imports_recent on imports (tenant_id, created_at desc, id desc);
create index imports_to_run on imports (lease_until) where status in ('queued', 'running');
-- the import worker finds queued imports, and running ones whose worker died, across Clients; it then works on
-- each import with that import's Client bound
create policy import_worker on imports for select using (app_worker() = 'import-worker');
create policy import_worker_claims on imports for update
    using (app_worker() = 'import-worker') with check (app_worker() = 'import-worker');

-- The rejected records of an import, with the values as they were in the file and the reason, for the CSV of
-- rejected rows. Deleted with the import (retention: imports.finished).
create table import_errors (
    tenant_id     uuid   not null,
    import_id     uuid   not null,
    record_number bigint not null,
    reason        text   not null check (length(reason) <= 500),
    raw_values    jsonb  not null default '[]',
    primary key (tenant_id, import_id, record_number),
    foreign key (tenant_id, import_id) references imports (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('import_errors');

-- What an import created, for undo (records it only updated are not undone).
create table import_created (
    tenant_id   uuid not null,
    import_id   uuid not null,
    record_type text not null check (record_type in ('contact', 'company', 'lead', 'deal')),
    record_id   uuid not null,
    primary key (tenant_id, import_id, record_type, record_id),
    foreign key (tenant_id, import_id) references imports (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('import_created');

-- Mappings saved by name for the next import of the same kind of file: column header → target field.
create table import_mappings (
    tenant_id  uuid        not null references clients (id),
    id         uuid        not null,
    name       text        not null check (length(name) between 1 and 100),
    object     text        not null check (object in ('contacts', 'companies', 'leads', 'deals')),
    columns    jsonb       not null default '{}',
    created_by uuid,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, object, name)
);
call enable_tenant_isolation('import_mappings');
