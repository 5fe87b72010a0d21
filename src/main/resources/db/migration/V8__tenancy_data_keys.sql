-- One data key per Client, stored only wrapped (encrypted) by the master key, which is never in the database.
-- Deleting a Client's row makes everything encrypted with its key unreadable, backups included.
create table tenant_keys (
    tenant_id      uuid primary key references clients (id),
    wrapped_keyset bytea       not null,
    created_at     timestamptz not null default now()
);
call enable_tenant_isolation('tenant_keys');
