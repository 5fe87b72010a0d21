-- Tighter policies on the tables that are not owned by one tenant: reading stays as before, but a person's own
-- account and links can only be created or changed while acting as that person, and memberships only by their
-- Client. Isolation of writes then never depends on a where clause either.
drop policy self_member_or_lookup on users;
create policy users_read on users for select
    using (id = app_user_id()
        or email = app_lookup_email()
        or exists (select 1 from memberships m where m.user_id = users.id and m.tenant_id = app_tenant_id()));
create policy users_create on users for insert with check (id = app_user_id());
create policy users_change on users for update using (id = app_user_id()) with check (id = app_user_id());
-- no delete policy: people are erased through the privacy module's data-subject requests

drop policy holder_or_own on user_tokens;
create policy user_tokens_read on user_tokens for select
    using (token_hash = app_lookup_hash() or user_id = app_user_id());
create policy user_tokens_create on user_tokens for insert with check (user_id = app_user_id());
create policy user_tokens_use on user_tokens for update
    using (token_hash = app_lookup_hash() or user_id = app_user_id())
    with check (token_hash = app_lookup_hash() or user_id = app_user_id());

drop policy tenant_or_own on memberships;
create policy memberships_read on memberships for select
    using (tenant_id = app_tenant_id() or user_id = app_user_id());
create policy memberships_create on memberships for insert with check (tenant_id = app_tenant_id());
create policy memberships_change on memberships for update
    using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());
create policy memberships_remove on memberships for delete using (tenant_id = app_tenant_id());
