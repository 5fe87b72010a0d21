-- Mail sync (issue 6, ADR 0022): the ids a message refers to (In-Reply-To and References), so that a reply that is
-- synced before the message it answers still joins its thread: when that message arrives, its Message-ID is looked
-- up here by equality (a leakproof operator, so the index works under row-level security, which an array
-- containment test on mail_messages."references" would not).
create table mail_message_refs (
    tenant_id     uuid not null,
    account_id    uuid not null,
    referenced_id text not null check (length(referenced_id) between 1 and 998),
    message_id    uuid not null,
    primary key (tenant_id, account_id, referenced_id, message_id),
    foreign key (tenant_id, account_id) references mail_accounts (tenant_id, id) on delete cascade,
    foreign key (tenant_id, message_id) references mail_messages (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('mail_message_refs');
create index mail_message_refs_of_message on mail_message_refs (tenant_id, message_id);

