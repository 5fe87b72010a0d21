-- The tenant registry. Not itself tenant-owned: background jobs enumerate it to visit each tenant in turn.
create table clients (
    id         uuid primary key,
    name       text        not null check (length(name) between 1 and 200),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
