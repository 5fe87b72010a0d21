-- Purposes are edited per Client: a purpose with ledger entries is never deleted, only archived (no longer offered,
-- its history kept). Marketing purposes are the ones a one-click unsubscribe withdraws.
alter table consent_purposes
    add column marketing   boolean     not null default true,
    add column archived_at timestamptz;

-- How a subject withdrew besides the existing methods: the one-click link in an email (RFC 8058), or a browser's
-- privacy signal (Sec-GPC / DNT) seen on a public page.
alter table consent_events drop constraint consent_events_method_check;
alter table consent_events add constraint consent_events_method_check
    check (method in ('form', 'import', 'preference-centre', 'api', 'one-click-unsubscribe', 'browser-signal'));

-- Where each stored value about a person came from, per record and field: the newest source of the current value.
create table value_sources (
    tenant_id   uuid        not null references clients (id),
    record_type text        not null check (record_type in ('contact', 'lead', 'company')),
    record_id   uuid        not null,
    field       text        not null check (length(field) between 1 and 100),
    source      text        not null
        check (source in ('user', 'import', 'connected-account', 'web-form', 'partner', 'enrichment')),
    detail      text        check (length(detail) <= 200),
    recorded_by uuid,
    recorded_at timestamptz not null default now(),
    primary key (tenant_id, record_type, record_id, field)
);
call enable_tenant_isolation('value_sources');
create index value_sources_of_record on value_sources (tenant_id, record_id);
