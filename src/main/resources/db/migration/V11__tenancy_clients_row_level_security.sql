-- The tenant registry is under row-level security too: a Client is visible to its own requests, to the people who
-- belong to it (to switch between Clients), to the holder of one of its invitation links (to show its name), and
-- to jobs that declare themselves the tenant-registry worker (to visit every tenant in turn).
alter table clients enable row level security;
alter table clients force row level security;
create policy clients_read on clients for select
    using (id = app_tenant_id()
        or exists (select 1 from memberships m where m.tenant_id = clients.id and m.user_id = app_user_id())
        or exists (select 1 from invitations i where i.tenant_id = clients.id and i.token_hash = app_lookup_hash())
        or app_worker() = 'tenant-registry');
create policy clients_create on clients for insert with check (id = app_tenant_id());
create policy clients_change on clients for update using (id = app_tenant_id()) with check (id = app_tenant_id());
