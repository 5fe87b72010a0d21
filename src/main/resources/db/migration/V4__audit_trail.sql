create table audit_events (
    tenant_id   uuid        not null references clients (id),
    id          uuid        not null,
    occurred_at timestamptz not null default now(),
    actor_id    uuid,
    actor_email text,
    action      text        not null,
    target_type text,
    target_id   text,
    details     jsonb       not null default '{}',
    ip          text,
    user_agent  text,
    primary key (tenant_id, id)
);
create index audit_events_recent on audit_events (tenant_id, occurred_at desc);
call enable_tenant_isolation('audit_events');

-- Append-only: the application may add and read entries, never change or remove them.
revoke update, delete, truncate on audit_events from ${appRole};

create function audit_events_are_append_only() returns trigger
    language plpgsql
    as $$ begin raise exception 'audit_events is append-only'; end $$;
create trigger audit_events_append_only
    before update or delete on audit_events
    for each row execute function audit_events_are_append_only();
