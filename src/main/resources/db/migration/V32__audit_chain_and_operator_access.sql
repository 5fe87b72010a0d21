-- The audit trail's hash chain (ADR 0010), the audit retention path, operator access grants and the platform
-- register of law-enforcement requests.

-- One seal per audit entry, in the order a sealing job chained them: hash = SHA-256(previous hash || canonical form of
-- the entry). Requests keep inserting entries without any lock; only the sealing job appends here.
create table audit_seals (
    tenant_id uuid        not null references clients (id),
    seq       bigint      not null check (seq > 0),
    entry_id  uuid        not null,
    hash      bytea       not null check (length(hash) = 32),
    sealed_at timestamptz not null default now(),
    primary key (tenant_id, seq),
    unique (tenant_id, entry_id)
);
call enable_tenant_isolation('audit_seals');
revoke update, delete, truncate on audit_seals from ${appRole};

-- Where the chain starts after retention removed its oldest part: the last removed seal's number and hash.
create table audit_chain_anchors (
    tenant_id   uuid        not null references clients (id),
    seq         bigint      not null,
    hash        bytea       not null check (length(hash) = 32),
    removed     bigint      not null,
    cutoff      timestamptz not null,
    anchored_at timestamptz not null default now(),
    primary key (tenant_id, seq)
);
call enable_tenant_isolation('audit_chain_anchors');
revoke insert, update, delete, truncate on audit_chain_anchors from ${appRole};

-- Still append-only, with one exception: entries older than seven years may be removed, and only by the owner role,
-- which the application reaches only through audit_expire() below.
create or replace function audit_events_are_append_only() returns trigger
    language plpgsql
    as $$
begin
    if tg_op = 'DELETE' and current_user <> '${appRole}' and old.occurred_at < now() - interval '7 years' then
        return old;
    end if;
    raise exception 'audit_events is append-only';
end
$$;

create function audit_seals_are_append_only() returns trigger
    language plpgsql
    as $$
begin
    if tg_op = 'DELETE' and current_user <> '${appRole}' and exists (
            select 1 from audit_events e
            where e.tenant_id = old.tenant_id and e.id = old.entry_id
              and e.occurred_at < now() - interval '7 years') then
        return old;
    end if;
    raise exception 'audit_seals is append-only';
end
$$;
create trigger audit_seals_append_only
    before update or delete on audit_seals
    for each row execute function audit_seals_are_append_only();

create function audit_anchors_are_append_only() returns trigger
    language plpgsql
    as $$ begin raise exception 'audit_chain_anchors is append-only'; end $$;
create trigger audit_chain_anchors_append_only
    before update or delete on audit_chain_anchors
    for each row execute function audit_anchors_are_append_only();

-- The last seal number up to which every sealed entry is older than the cutoff (never newer than seven years ago):
-- retention removes a prefix of the chain, so what remains still verifies from the new anchor. A seal whose entry is
-- missing stops it: a broken chain is not tidied away.
create function audit_expirable_through(cutoff timestamptz) returns bigint
    language sql stable
    as $$
    with anchor as (
        select coalesce(max(seq), 0) as seq from audit_chain_anchors where tenant_id = app_tenant_id()
    )
    select greatest((select seq from anchor), coalesce(
        (select s.seq - 1
         from audit_seals s
         left join audit_events e on e.tenant_id = s.tenant_id and e.id = s.entry_id
         where s.tenant_id = app_tenant_id() and s.seq > (select seq from anchor)
           and (e.occurred_at is null or e.occurred_at >= least(cutoff, now() - interval '7 years'))
         order by s.seq
         limit 1),
        (select max(seq) from audit_seals where tenant_id = app_tenant_id()),
        0))
    $$;

-- Removes the expired prefix of the bound tenant's chain (entries and their seals) and records the new anchor.
create function audit_expire(cutoff timestamptz) returns bigint
    language plpgsql security definer
    set search_path = public, pg_temp
    as $$
declare
    tenant     uuid := app_tenant_id();
    anchor_seq bigint;
    through    bigint;
    last_hash  bytea;
    entry_ids  uuid[];
    removed    bigint;
begin
    if tenant is null then
        raise exception 'audit_expire needs a tenant';
    end if;
    perform pg_advisory_xact_lock(365, hashtext(tenant::text));
    select coalesce(max(seq), 0) into anchor_seq from audit_chain_anchors where tenant_id = tenant;
    through := audit_expirable_through(cutoff);
    if through <= anchor_seq then
        return 0;
    end if;
    select hash into last_hash from audit_seals where tenant_id = tenant and seq = through;
    select array_agg(entry_id) into entry_ids
    from audit_seals where tenant_id = tenant and seq > anchor_seq and seq <= through;
    delete from audit_seals where tenant_id = tenant and seq > anchor_seq and seq <= through;
    delete from audit_events where tenant_id = tenant and id = any(entry_ids);
    get diagnostics removed = row_count;
    insert into audit_chain_anchors (tenant_id, seq, hash, removed, cutoff)
    values (tenant, through, last_hash, removed, least(cutoff, now() - interval '7 years'));
    return removed;
end
$$;
revoke all on function audit_expire(timestamptz) from public;
grant execute on function audit_expire(timestamptz) to ${appRole};

-- Operator access: a Client's admin lets Team365 operators in, for a scope, a reason and a limited time.
create table operator_grants (
    tenant_id   uuid        not null references clients (id),
    id          uuid        not null,
    scope       text        not null check (scope in ('settings', 'records:read')),
    reason      text        not null check (length(reason) between 1 and 500),
    granted_by  uuid        not null,
    granted_at  timestamptz not null,
    expires_at  timestamptz not null check (expires_at > granted_at),
    revoked_at  timestamptz,
    revoked_by  uuid,
    primary key (tenant_id, id)
);
call enable_tenant_isolation('operator_grants');
create index operator_grants_live on operator_grants (tenant_id, expires_at desc) where revoked_at is null;
revoke delete, truncate on operator_grants from ${appRole};
-- only the owner's function below reads across tenants; the application role stays bound to its tenant
create policy operator_console on operator_grants for select using (current_user <> '${appRole}');

-- An operator's console lists the Clients that granted access, across tenants: the grants are found through a
-- function that returns only live grants, and only their ids, scope and times, never another tenant's data.
create function operator_live_grants(at timestamptz)
    returns table (tenant_id uuid, id uuid, scope text, expires_at timestamptz, client_name text)
    language plpgsql volatile security definer
    set search_path = public, pg_temp
    as $$
declare
    worker text := coalesce(current_setting('app.worker', true), '');
begin
    -- the Client registry's own rule lets the registry worker read Client names; set only for this query
    perform set_config('app.worker', 'tenant-registry', true);
    return query
        select g.tenant_id, g.id, g.scope, g.expires_at, c.name
        from operator_grants g join clients c on c.id = g.tenant_id
        where g.revoked_at is null and g.granted_at <= at and g.expires_at > at
        order by c.name, g.expires_at;
    perform set_config('app.worker', worker, true);
end
$$;
revoke all on function operator_live_grants(timestamptz) from public;
grant execute on function operator_live_grants(timestamptz) to ${appRole};

-- The platform register of law-enforcement requests and disclosures: Team365's own record, not a Client's.
create table law_enforcement_requests (
    id                 uuid        primary key,
    authority          text        not null check (length(authority) between 1 and 200),
    received_on        date        not null,
    legal_basis        text        not null check (length(legal_basis) between 1 and 500),
    scope              text        not null check (length(scope) between 1 and 2000),
    client_id          uuid        references clients (id),
    decision           text        not null check (decision in ('pending', 'complied', 'partially-complied', 'refused')),
    disclosed          boolean     not null default false,
    notes              text        check (length(notes) <= 4000),
    recorded_by        uuid        not null,
    recorded_at        timestamptz not null
);
-- The register may name the Client concerned; whether an id is a Client is checked without being bound to it.
create function client_exists(client uuid) returns boolean
    language plpgsql volatile security definer
    set search_path = public, pg_temp
    as $$
declare
    worker text := coalesce(current_setting('app.worker', true), '');
    found  boolean;
begin
    perform set_config('app.worker', 'tenant-registry', true);
    select exists (select 1 from clients where id = client) into found;
    perform set_config('app.worker', worker, true);
    return found;
end
$$;
revoke all on function client_exists(uuid) from public;
grant execute on function client_exists(uuid) to ${appRole};
create index law_enforcement_requests_recent on law_enforcement_requests (received_on desc, id desc);
revoke delete, truncate on law_enforcement_requests from ${appRole};

-- The audit trail per record and per subject (GET /api/v1/audit?recordId= / ?subjectEmail=)
create index audit_events_by_target on audit_events (tenant_id, target_id, id desc) where target_id is not null;
