-- Saved list views: a name, the columns shown, the filter builder's conditions, the search and the order.
-- Personal views are seen by their owner only; shared ones by everyone in the Client.
create table saved_views (
    tenant_id  uuid        not null references clients (id),
    id         uuid        not null,
    object     text        not null check (object in ('contact', 'company', 'lead', 'deal', 'activity')),
    name       text        not null check (length(name) between 1 and 100),
    owner_id   uuid        not null,
    shared     boolean     not null default false,
    columns    text[]      not null default '{}',
    filters    jsonb       not null default '[]',
    q          text        check (length(q) <= 200),
    sort       text        check (length(sort) <= 100),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id)
);
call enable_tenant_isolation('saved_views');
create index saved_views_of_object on saved_views (tenant_id, object, lower(name));
