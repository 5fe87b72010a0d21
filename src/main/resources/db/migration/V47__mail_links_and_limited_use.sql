-- Mail linked to records, under the Limited Use rules (issue 6, ADR 0025).

-- Every address a message names (from, to, cc, bcc), one row each, kept by a trigger on mail_messages so that it can
-- never drift from the message. Linking a batch, re-linking when a contact gets a new email, and erasing a data
-- subject all ask "which messages name these addresses": under row-level security only leakproof operators serve as
-- index conditions, and text equality is one (jsonb containment is not), hence a table instead of a GIN index.
create table mail_participants (
    tenant_id  uuid not null,
    message_id uuid not null,
    address    text collate "C" not null check (length(address) between 3 and 254),
    -- the part after the last '@', for matching companies by their domain
    domain     text collate "C" not null check (length(domain) between 1 and 253),
    role       text not null check (role in ('from', 'to', 'cc', 'bcc')),
    primary key (tenant_id, message_id, role, address),
    foreign key (tenant_id, message_id) references mail_messages (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('mail_participants');
create index mail_participants_by_address on mail_participants (tenant_id, address);
create index mail_participants_by_domain on mail_participants (tenant_id, domain);

create function mail_addresses_of(list jsonb) returns setof text
    language sql immutable parallel safe
    as $$
        select lower(btrim(e ->> 'address'))
        from jsonb_array_elements(case when jsonb_typeof(list) = 'array' then list else '[]'::jsonb end) e
        where jsonb_typeof(e) = 'object'
    $$;

create function mail_participants_keep() returns trigger
    language plpgsql
    as $$
begin
    if tg_op = 'UPDATE' then
        delete from mail_participants where tenant_id = new.tenant_id and message_id = new.id;
    end if;
    insert into mail_participants (tenant_id, message_id, address, domain, role)
    select distinct new.tenant_id, new.id, a.address, substring(a.address from '@([^@]+)$'), a.role
    from (
        select lower(btrim(new.from_address)) as address, 'from' as role
        union all select mail_addresses_of(new.to_addresses), 'to'
        union all select mail_addresses_of(new.cc_addresses), 'cc'
        union all select mail_addresses_of(new.bcc_addresses), 'bcc'
    ) a
    where a.address ~ '^[^@\s]+@[^@\s]+$' and length(a.address) <= 254;
    return null;
end
$$;
create trigger mail_messages_participants
    after insert or update of from_address, to_addresses, cc_addresses, bcc_addresses on mail_messages
    for each row execute function mail_participants_keep();
-- messages stored before this migration (none in production yet; a development database may hold some)
update mail_messages set from_address = from_address;

-- Attachment blobs are stored once per Client and content and may be shared by several messages (and drafts). When
-- an attachment row goes (a message erased, an account disconnected with its mail), its blob becomes a candidate;
-- a sweep deletes the blob once nothing refers to it any more.
create table mail_orphan_blobs (
    tenant_id   uuid        not null,
    storage_key text collate "C" not null check (length(storage_key) <= 200),
    noted_at    timestamptz not null default now(),
    primary key (tenant_id, storage_key)
);
call enable_tenant_isolation('mail_orphan_blobs');
-- the sweep finds candidates across Clients, then checks and deletes each with its Client bound
create policy mail_blob_sweeper on mail_orphan_blobs for select using (app_worker() = 'mail-blobs');

create function mail_attachment_released() returns trigger
    language plpgsql
    as $$
begin
    insert into mail_orphan_blobs (tenant_id, storage_key)
    select distinct o.tenant_id, o.storage_key from gone o
    on conflict do nothing;
    return null;
end
$$;
create trigger mail_attachments_released
    after delete on mail_attachments
    referencing old table as gone
    for each statement execute function mail_attachment_released();

-- Only the owner of the function below (never the application role) reads approvals across Clients.
create policy mail_operator_console on mail_operator_approvals for select using (current_user <> '${appRole}');

-- The operator console: the messages a user approved for the signed-in operator to read, across Clients (ids, times
-- and the Client's name only; never content). Content is then read with the Client bound, under the approval.
create function mail_operator_approved(operator_email text, at timestamptz)
    returns table (tenant_id uuid, id uuid, message_id uuid, expires_at timestamptz, client_name text)
    language plpgsql volatile security definer
    set search_path = public, pg_temp
    as $$
declare
    worker text := coalesce(current_setting('app.worker', true), '');
begin
    perform set_config('app.worker', 'tenant-registry', true);
    return query
        select a.tenant_id, a.id, a.message_id, a.expires_at, c.name
        from mail_operator_approvals a join clients c on c.id = a.tenant_id
        where a.operator = lower(operator_email) and a.revoked_at is null
          and a.approved_at <= at and a.expires_at > at
        order by c.name, a.expires_at;
    perform set_config('app.worker', worker, true);
end
$$;
revoke all on function mail_operator_approved(text, timestamptz) from public;
grant execute on function mail_operator_approved(text, timestamptz) to ${appRole};
create index mail_operator_approvals_by_operator on mail_operator_approvals (operator, expires_at) where revoked_at is null;
