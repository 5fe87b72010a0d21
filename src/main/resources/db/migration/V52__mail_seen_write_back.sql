-- Read and unread changes made in Team365 (opening a thread, "Mark as unread"), waiting to be written back to the
-- mail server as the IMAP \Seen flag by a background worker (ADR 0031). One row per message: the latest wish wins
-- (version counts the wishes, so a write that finishes after a newer wish does not remove it). While a row exists
-- the sync keeps Team365's seen value instead of the server's, which is stale until the write is done.
create table mail_flag_writes (
    tenant_id       uuid        not null,
    message_id      uuid        not null,
    account_id      uuid        not null,
    seen            boolean     not null,
    version         integer     not null default 1,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    -- a message key, never a server's text
    last_error      text        check (length(last_error) <= 200),
    created_at      timestamptz not null,
    primary key (tenant_id, message_id),
    foreign key (tenant_id, message_id) references mail_messages (tenant_id, id) on delete cascade,
    foreign key (tenant_id, account_id) references mail_accounts (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('mail_flag_writes');
create index mail_flag_writes_due on mail_flag_writes (next_attempt_at);
create index mail_flag_writes_of_account on mail_flag_writes (tenant_id, account_id);
-- the flag worker finds due writes across Clients and claims them; it then works with that Client bound
create policy mail_flag_writer on mail_flag_writes for select using (app_worker() = 'mail-flags');
create policy mail_flag_writer_claims on mail_flag_writes for update
    using (app_worker() = 'mail-flags') with check (app_worker() = 'mail-flags');
