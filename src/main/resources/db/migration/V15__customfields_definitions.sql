-- Custom fields a Client defines per kind of record; values live in each record's custom_fields column.
create table custom_fields (
    tenant_id  uuid        not null references clients (id),
    id         uuid        not null,
    object     text        not null check (object in ('contact', 'company', 'lead', 'deal')),
    key        text        not null check (key ~ '^[a-z][a-z0-9_]{0,49}$'),
    label      text        not null check (length(label) between 1 and 100),
    type       text        not null check (type in ('text', 'number', 'date', 'bool', 'select', 'multiselect',
                                                     'url', 'email', 'phone', 'money')),
    options    text[]      not null default '{}',
    required   boolean     not null default false,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, object, key)
);
call enable_tenant_isolation('custom_fields');
