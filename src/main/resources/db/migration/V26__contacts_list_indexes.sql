-- Lists at a million contacts. Row-level security lets PostgreSQL use only leakproof operators in index conditions,
-- and lower() or ILIKE are not; so the last name is also kept as a lower-cased, byte-ordered key, which the name sort
-- pages on and "starts with" turns into a range on.
alter table contacts add column last_name_key text collate "C" generated always as (lower(coalesce(last_name, ''))) stored;
drop index contacts_by_name;
create index contacts_by_last_name_key on contacts (tenant_id, last_name_key, id) where deleted_at is null;
create index contacts_company on contacts (tenant_id, company_id) where deleted_at is null and company_id is not null;
create index contacts_owner on contacts (tenant_id, owner_id, updated_at desc, id desc) where deleted_at is null;
