-- Companies: the organisations a Client does business with. Deleted companies stay in the trash (deleted_at) for
-- 30 days. The domain is stored normalised (lower-case host name, no scheme, www. or path).
create table companies (
    tenant_id           uuid        not null references clients (id),
    id                  uuid        not null,
    name                text        not null check (length(name) between 1 and 200),
    domain              text        check (length(domain) <= 253),
    industry            text        check (length(industry) <= 100),
    size                text        check (size in ('1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5001+')),
    address_street      text        check (length(address_street) <= 200),
    address_city        text        check (length(address_city) <= 100),
    address_region      text        check (length(address_region) <= 100),
    address_postal_code text        check (length(address_postal_code) <= 20),
    address_country     text        check (address_country ~ '^[A-Z]{2}$'),
    phone               text        check (length(phone) <= 50),
    website             text        check (length(website) <= 500),
    owner_id            uuid,
    tags                text[]      not null default '{}',
    custom_fields       jsonb       not null default '{}',
    created_at          timestamptz not null default now(),
    created_by          uuid,
    updated_at          timestamptz not null default now(),
    updated_by          uuid,
    version             int         not null default 1,
    deleted_at          timestamptz,
    primary key (tenant_id, id)
);
call enable_tenant_isolation('companies');

-- one index per list order (keyset pagination), the trash, tags, and finding a company by its domain
create index companies_recent on companies (tenant_id, updated_at desc, id desc) where deleted_at is null;
create index companies_created on companies (tenant_id, created_at desc, id desc) where deleted_at is null;
create index companies_by_name on companies (tenant_id, lower(name), id) where deleted_at is null;
create index companies_by_domain_sort on companies (tenant_id, coalesce(domain, ''), id) where deleted_at is null;
create index companies_domain on companies (tenant_id, domain) where deleted_at is null and domain is not null;
create index companies_trash on companies (tenant_id, deleted_at) where deleted_at is not null;
create index companies_tags on companies using gin (tags);
