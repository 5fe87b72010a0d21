-- Merging duplicates (ADR 0017). A merged contact or company is deleted; its tombstone remembers the survivor, so an
-- old link (/contacts/<merged id>) leads to the record it became. Ids only: no personal values.
create table contact_merges (
    tenant_id   uuid        not null references clients (id),
    merged_id   uuid        not null,
    survivor_id uuid        not null,
    merged_by   uuid,
    merged_at   timestamptz not null default now(),
    primary key (tenant_id, merged_id)
);
call enable_tenant_isolation('contact_merges');
create index contact_merges_survivor on contact_merges (tenant_id, survivor_id);

create table company_merges (
    tenant_id   uuid        not null references clients (id),
    merged_id   uuid        not null,
    survivor_id uuid        not null,
    merged_by   uuid,
    merged_at   timestamptz not null default now(),
    primary key (tenant_id, merged_id)
);
call enable_tenant_isolation('company_merges');
create index company_merges_survivor on company_merges (tenant_id, survivor_id);

-- Pairs a person said are not duplicates: never proposed again. The smaller id first, so a pair is one row.
create table duplicate_dismissals (
    tenant_id    uuid        not null references clients (id),
    record_type  text        not null check (record_type in ('contact', 'company')),
    first_id     uuid        not null,
    second_id    uuid        not null,
    dismissed_by uuid,
    dismissed_at timestamptz not null default now(),
    primary key (tenant_id, record_type, first_id, second_id),
    check (first_id < second_id)
);
call enable_tenant_isolation('duplicate_dismissals');
create index duplicate_dismissals_second on duplicate_dismissals (tenant_id, second_id);
