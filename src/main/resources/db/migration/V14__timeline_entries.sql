-- What happened to a record, newest first: changes with their field history; later activities, emails, files.
create table timeline_entries (
    tenant_id   uuid        not null references clients (id),
    id          uuid        not null,
    record_type text        not null,
    record_id   uuid        not null,
    occurred_at timestamptz not null,
    actor_id    uuid,
    actor_name  text,
    kind        text        not null,
    changes     jsonb       not null default '[]',
    primary key (tenant_id, id)
);
call enable_tenant_isolation('timeline_entries');
create index timeline_entries_of_record on timeline_entries (tenant_id, record_type, record_id, occurred_at desc, id desc);
