-- The company name as a lower-cased, byte-ordered key: the name sort pages on it and "starts with" (the list's
-- filter and the company picker) is a range on it, which an index can serve under row-level security.
alter table companies add column name_key text collate "C" generated always as (lower(name)) stored;
drop index companies_by_name;
create index companies_by_name_key on companies (tenant_id, name_key, id) where deleted_at is null;
