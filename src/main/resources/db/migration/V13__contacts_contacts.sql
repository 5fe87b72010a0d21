-- Contacts: people a Client does business with. Deleted contacts stay in the trash (deleted_at) for 30 days.
create table contacts (
    tenant_id     uuid        not null references clients (id),
    id            uuid        not null,
    first_name    text        check (length(first_name) <= 100),
    last_name     text        check (length(last_name) <= 100),
    emails        jsonb       not null default '[]',
    phones        jsonb       not null default '[]',
    job_title     text        check (length(job_title) <= 200),
    company_id    uuid,
    owner_id      uuid,
    tags          text[]      not null default '{}',
    source        text        check (length(source) <= 100),
    custom_fields jsonb       not null default '{}',
    created_at    timestamptz not null default now(),
    created_by    uuid,
    updated_at    timestamptz not null default now(),
    updated_by    uuid,
    version       int         not null default 1,
    deleted_at    timestamptz,
    primary key (tenant_id, id),
    check (coalesce(first_name, '') <> '' or coalesce(last_name, '') <> '' or emails <> '[]')
);
call enable_tenant_isolation('contacts');

create index contacts_recent on contacts (tenant_id, updated_at desc, id desc) where deleted_at is null;
create index contacts_created on contacts (tenant_id, created_at desc, id desc) where deleted_at is null;
create index contacts_by_name on contacts (tenant_id, lower(coalesce(last_name, '')), id) where deleted_at is null;
create index contacts_trash on contacts (tenant_id, deleted_at) where deleted_at is not null;
create index contacts_tags on contacts using gin (tags);
