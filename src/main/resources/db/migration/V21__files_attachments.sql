-- Files attached to CRM records. The bytes live in the file store (files.FileStorage) under storage_key; this row
-- says what they are and which record they belong to. Removed attachments stay in the trash (deleted_at) for 30
-- days; the trash purge then deletes the row and the files module deletes the blob.
create table attachments (
    tenant_id    uuid        not null references clients (id),
    id           uuid        not null,
    record_type  text        not null check (record_type ~ '^[a-z_]{1,50}$'),
    record_id    uuid        not null,
    file_name    text        not null check (length(file_name) between 1 and 255),
    content_type text        not null check (length(content_type) <= 100),
    size         bigint      not null check (size > 0),
    sha256       text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key  text        not null check (length(storage_key) <= 200),
    uploaded_by  uuid,
    created_at   timestamptz not null default now(),
    deleted_at   timestamptz,
    primary key (tenant_id, id)
);
call enable_tenant_isolation('attachments');

create index attachments_of_record on attachments (tenant_id, record_type, record_id, created_at desc, id desc);
create index attachments_trash on attachments (tenant_id, deleted_at) where deleted_at is not null;
