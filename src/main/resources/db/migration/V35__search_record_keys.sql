-- Exact keys of contacts, leads and companies (email, phone, domain), for finding duplicates on import, in the
-- duplicate review and for exact hits first in search. Kept by statement-level triggers on the records' tables, so
-- a bulk import of a million rows updates them in one set-based statement per batch instead of a million events,
-- and they can never drift from the records (ADR 0013). Keys are byte-ordered ("C") so that an index serves an
-- equality under row-level security (text equality is leakproof).
create extension if not exists pg_trgm;
create extension if not exists unaccent;

create table record_keys (
    tenant_id   uuid not null references clients (id),
    kind        text not null check (kind in ('email', 'phone', 'domain')),
    key         text collate "C" not null check (length(key) between 1 and 320),
    record_type text not null check (record_type in ('contact', 'lead', 'company')),
    record_id   uuid not null,
    primary key (tenant_id, kind, key, record_type, record_id)
);
call enable_tenant_isolation('record_keys');
create index record_keys_of_record on record_keys (tenant_id, record_id);

-- An email as a key: trimmed and lower-cased.
create function record_key_email(address text) returns text
    language sql immutable parallel safe
    as $$ select nullif(lower(btrim(address)), '') $$;

-- A phone as a key: its digits only (E.164 without the plus when it was stored that way), at least 6 of them.
create function record_key_phone(number text) returns text
    language sql immutable parallel safe
    as $$ select case when length(d) >= 6 then d end from (select regexp_replace(number, '[^0-9]', '', 'g') d) x $$;

-- A domain as a key: the host of a domain or website, lower-cased, without scheme, "www." or path.
create function record_key_domain(site text) returns text
    language sql immutable parallel safe
    as $$ select nullif(regexp_replace(regexp_replace(lower(btrim(site)), '^[a-z][a-z0-9+.-]*://', ''),
                                       '^www\.|[/:?#].*$', '', 'g'), '') $$;

create function record_keys_sync_people() returns trigger
    language plpgsql
    as $$
declare
    kind_of_record text := tg_argv[0];
begin
    if tg_op in ('UPDATE', 'DELETE') then
        delete from record_keys k
        using old_rows o
        where k.tenant_id = o.tenant_id and k.record_id = o.id and k.record_type = kind_of_record;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into record_keys (tenant_id, kind, key, record_type, record_id)
        select distinct n.tenant_id, k.kind, k.key, kind_of_record, n.id
        from new_rows n
        cross join lateral (
            select 'email', record_key_email(e->>'address') from jsonb_array_elements(n.emails) e
            union all
            select 'phone', record_key_phone(t->>'number') from jsonb_array_elements(n.phones) t
        ) k (kind, key)
        where n.deleted_at is null and k.key is not null and length(k.key) <= 320
        on conflict do nothing;
    end if;
    return null;
end
$$;

create function record_keys_sync_companies() returns trigger
    language plpgsql
    as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        delete from record_keys k
        using old_rows o
        where k.tenant_id = o.tenant_id and k.record_id = o.id and k.record_type = 'company';
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into record_keys (tenant_id, kind, key, record_type, record_id)
        select distinct n.tenant_id, k.kind, k.key, 'company', n.id
        from new_rows n
        cross join lateral (
            values ('domain', record_key_domain(n.domain)), ('domain', record_key_domain(n.website)),
                   ('phone', record_key_phone(n.phone))
        ) k (kind, key)
        where n.deleted_at is null and k.key is not null and length(k.key) <= 320
        on conflict do nothing;
    end if;
    return null;
end
$$;

create trigger contacts_keys_insert after insert on contacts referencing new table as new_rows
    for each statement execute function record_keys_sync_people('contact');
create trigger contacts_keys_update after update on contacts referencing old table as old_rows new table as new_rows
    for each statement execute function record_keys_sync_people('contact');
create trigger contacts_keys_delete after delete on contacts referencing old table as old_rows
    for each statement execute function record_keys_sync_people('contact');
create trigger leads_keys_insert after insert on leads referencing new table as new_rows
    for each statement execute function record_keys_sync_people('lead');
create trigger leads_keys_update after update on leads referencing old table as old_rows new table as new_rows
    for each statement execute function record_keys_sync_people('lead');
create trigger leads_keys_delete after delete on leads referencing old table as old_rows
    for each statement execute function record_keys_sync_people('lead');
create trigger companies_keys_insert after insert on companies referencing new table as new_rows
    for each statement execute function record_keys_sync_companies();
create trigger companies_keys_update after update on companies referencing old table as old_rows new table as new_rows
    for each statement execute function record_keys_sync_companies();
create trigger companies_keys_delete after delete on companies referencing old table as old_rows
    for each statement execute function record_keys_sync_companies();

-- The records already there: an update that changes nothing runs the triggers once per table. The owner role runs
-- migrations and is held to row-level security only while it is forced, so it is lifted for the backfill.
alter table record_keys no force row level security;
alter table contacts no force row level security;
alter table leads no force row level security;
alter table companies no force row level security;
update contacts set emails = emails;
update leads set emails = emails;
update companies set domain = domain;
alter table record_keys force row level security;
alter table contacts force row level security;
alter table leads force row level security;
alter table companies force row level security;
