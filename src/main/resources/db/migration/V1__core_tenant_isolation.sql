-- Runs as the owner role. The application role (${appRole}) owns nothing and gets only the privileges granted here.

-- What the current connection works for; empty settings mean "nothing", so unset context sees no tenant rows.
create function app_tenant_id() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

create function app_user_id() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('app.user_id', true), '')::uuid $$;

-- A secret the caller already holds (a token hash, a sign-in email): lets exactly the matching row be found.
create function app_lookup_hash() returns text
    language sql stable parallel safe
    as $$ select nullif(current_setting('app.lookup_hash', true), '') $$;

create function app_lookup_email() returns text
    language sql stable parallel safe
    as $$ select nullif(current_setting('app.lookup_email', true), '') $$;

create function app_worker() returns text
    language sql stable parallel safe
    as $$ select nullif(current_setting('app.worker', true), '') $$;

-- Every tenant table calls this once: row-level security enabled and forced, rows visible and writable only
-- for the tenant bound to the connection.
create procedure enable_tenant_isolation(target regclass)
    language plpgsql
    as $$
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format('create policy tenant_isolation on %s using (tenant_id = app_tenant_id()) '
                   'with check (tenant_id = app_tenant_id())', target);
end
$$;

grant usage on schema public to ${appRole};
alter default privileges in schema public grant select, insert, update, delete on tables to ${appRole};
alter default privileges in schema public grant usage, select on sequences to ${appRole};
