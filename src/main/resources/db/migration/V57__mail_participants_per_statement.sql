-- A batch of synced messages gets its participants in one statement instead of one trigger call per message (ADR
-- 0034): the row trigger of V47 cost a third of a millisecond per message, most of what inserting a message costs
-- the database. Updates of a message's addresses (rare: drafts never get here, synced messages are immutable) keep
-- the row trigger, which replaces that message's participants.
drop trigger mail_messages_participants on mail_messages;

create function mail_participants_added() returns trigger
    language plpgsql
    as $$
begin
    insert into mail_participants (tenant_id, message_id, address, domain, role)
    select distinct m.tenant_id, m.id, a.address, substring(a.address from '@([^@]+)$'), a.role
    from added m
    cross join lateral (
        select lower(btrim(m.from_address)) as address, 'from' as role
        union all select mail_addresses_of(m.to_addresses), 'to'
        union all select mail_addresses_of(m.cc_addresses), 'cc'
        union all select mail_addresses_of(m.bcc_addresses), 'bcc'
    ) a
    where a.address ~ '^[^@\s]+@[^@\s]+$' and length(a.address) <= 254;
    return null;
end
$$;
create trigger mail_messages_participants_added
    after insert on mail_messages
    referencing new table as added
    for each statement execute function mail_participants_added();
create trigger mail_messages_participants_changed
    after update of from_address, to_addresses, cc_addresses, bcc_addresses on mail_messages
    for each row execute function mail_participants_keep();
