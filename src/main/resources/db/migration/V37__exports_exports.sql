-- Exports of a list (contacts, companies, leads, deals) as a file: who asked for which selection, the progress of
-- the background job, and the finished file's size. The file lives under the data directory, named by the row's
-- ids; rows and files expire by the retention rule "exports.files" (7 days by default).
create table exports (
    tenant_id   uuid        not null references clients (id),
    id          uuid        not null,
    created_by  uuid        not null,
    object      text        not null check (object in ('contacts', 'companies', 'leads', 'deals')),
    format      text        not null check (format in ('csv', 'vcf', 'json')),
    -- the list's selection: {"q": ..., "conditions": [{"field", "operator", "value"}]}
    filter      jsonb       not null default '{}',
    status      text        not null default 'queued'
        check (status in ('queued', 'running', 'done', 'failed', 'cancelled')),
    total       bigint      not null default 0,
    processed   bigint      not null default 0,
    file_size   bigint,
    error       text        check (length(error) <= 200),
    created_at  timestamptz not null,
    started_at  timestamptz,
    finished_at timestamptz,
    primary key (tenant_id, id)
);
call enable_tenant_isolation('exports');
create index exports_of_creator on exports (tenant_id, created_by, created_at desc);
create index exports_by_age on exports (tenant_id, created_at);
