-- Leads: people not yet qualified as contacts. Converting one makes a contact (and maybe a company and a deal) and
-- keeps the lead, read-only, pointing at what it became. Deleted leads stay in the trash (deleted_at) for 30 days.
create table leads (
    tenant_id            uuid        not null references clients (id),
    id                   uuid        not null,
    first_name           text        check (length(first_name) <= 100),
    last_name            text        check (length(last_name) <= 100),
    emails               jsonb       not null default '[]',
    phones               jsonb       not null default '[]',
    job_title            text        check (length(job_title) <= 200),
    company_name         text        check (length(company_name) <= 200),
    owner_id             uuid,
    tags                 text[]      not null default '{}',
    source               text        check (length(source) <= 100),
    status               text        not null default 'new'
        check (status in ('new', 'contacted', 'qualified', 'unqualified', 'converted')),
    unqualified_reason   text        check (length(unqualified_reason) <= 500),
    custom_fields        jsonb       not null default '{}',
    converted_at         timestamptz,
    converted_contact_id uuid,
    converted_company_id uuid,
    converted_deal_id    uuid,
    created_at           timestamptz not null default now(),
    created_by           uuid,
    updated_at           timestamptz not null default now(),
    updated_by           uuid,
    version              int         not null default 1,
    deleted_at           timestamptz,
    primary key (tenant_id, id),
    check (coalesce(first_name, '') <> '' or coalesce(last_name, '') <> '' or emails <> '[]'),
    check (status <> 'unqualified' or coalesce(unqualified_reason, '') <> ''),
    check ((status = 'converted') = (converted_at is not null))
);
call enable_tenant_isolation('leads');

create index leads_recent on leads (tenant_id, updated_at desc, id desc) where deleted_at is null;
create index leads_created on leads (tenant_id, created_at desc, id desc) where deleted_at is null;
create index leads_by_name on leads (tenant_id, lower(coalesce(last_name, '')), id) where deleted_at is null;
create index leads_by_company on leads (tenant_id, lower(coalesce(company_name, '')), id) where deleted_at is null;
create index leads_by_status on leads (tenant_id, status) where deleted_at is null;
create index leads_trash on leads (tenant_id, deleted_at) where deleted_at is not null;
create index leads_tags on leads using gin (tags);
