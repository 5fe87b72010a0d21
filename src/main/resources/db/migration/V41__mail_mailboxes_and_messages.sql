-- Email inside the CRM (issue 6): connected mailboxes, their folders and sync state, synced messages with their
-- threads, attachments and links to records, drafts and the outgoing queue, and operators' approvals to read
-- specific messages. Every row is a Client's (tenant_id first in every key, forced row-level security). Mail content
-- is Limited-Use data: only the mail module reads these tables (see docs/mail.md).

-- A connected mailbox. Secrets (password, OAuth refresh and access tokens) are encrypted with the Client's data key
-- (TenantCrypto, purpose "mail.account.secret"); the row holds only ciphertext.
create table mail_accounts (
    tenant_id        uuid        not null references clients (id),
    id               uuid        not null,
    owner_id         uuid        not null references users (id),
    provider         text        not null check (provider in ('imap', 'gmail', 'microsoft')),
    email            text        not null check (email = lower(email) and length(email) between 3 and 254),
    display_name     text        check (length(display_name) <= 200),
    username         text        check (length(username) <= 254),
    imap_host        text        check (length(imap_host) <= 253),
    imap_port        integer     check (imap_port between 1 and 65535),
    imap_security    text        check (imap_security in ('ssl', 'starttls', 'none')),
    smtp_host        text        check (length(smtp_host) <= 253),
    smtp_port        integer     check (smtp_port between 1 and 65535),
    smtp_security    text        check (smtp_security in ('ssl', 'starttls', 'none')),
    -- password (imap) or OAuth refresh token (gmail, microsoft), encrypted
    secret           bytea       not null,
    -- OAuth access token, encrypted, and when it expires
    access_token     bytea,
    access_expires_at timestamptz,
    -- 'private': only the owner sees the mail; 'team': every member of the Client does
    sharing          text        not null default 'private' check (sharing in ('private', 'team')),
    -- how far back the first sync reaches, in days
    sync_days        integer     not null default 90 check (sync_days between 1 and 3650),
    signature_html   text        check (length(signature_html) <= 20000),
    status           text        not null default 'new'
        check (status in ('new', 'syncing', 'ok', 'error', 'auth_failed', 'disconnected')),
    -- a message key (never a server's raw text, which may echo the password or personal data)
    last_error       text        check (length(last_error) <= 200),
    last_error_at    timestamptz,
    failures         integer     not null default 0,
    next_sync_at     timestamptz,
    last_synced_at   timestamptz,
    -- one server syncs an account at a time: the lease holder and until when it holds it
    lease_owner      text        check (length(lease_owner) <= 100),
    lease_until      timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          integer     not null default 0,
    primary key (tenant_id, id)
);
call enable_tenant_isolation('mail_accounts');
create unique index mail_accounts_one_per_owner_and_address on mail_accounts (tenant_id, owner_id, email);
create index mail_accounts_due on mail_accounts (next_sync_at) where status <> 'disconnected';
-- the sync worker finds accounts due for a sync across Clients and leases one; it then works with that Client bound
create policy mail_sync_worker on mail_accounts for select using (app_worker() = 'mail-sync');
create policy mail_sync_worker_claims on mail_accounts for update
    using (app_worker() = 'mail-sync') with check (app_worker() = 'mail-sync');

-- Addresses and domains whose mail is never synced from this account.
create table mail_blocklist (
    tenant_id  uuid        not null,
    account_id uuid        not null,
    -- "someone@example.com" or "example.com", lower case
    pattern    text        not null check (pattern = lower(pattern) and length(pattern) between 1 and 254),
    created_at timestamptz not null,
    primary key (tenant_id, account_id, pattern),
    foreign key (tenant_id, account_id) references mail_accounts (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('mail_blocklist');

-- A folder (IMAP mailbox; a Gmail label) and where its sync stands. A new UIDVALIDITY means the server renumbered
-- the folder: its locations are dropped and it is read again (messages are matched by Message-ID, so nothing doubles).
create table mail_folders (
    tenant_id      uuid        not null,
    account_id     uuid        not null,
    id             uuid        not null,
    name           text        not null check (length(name) between 1 and 1000),
    -- special use (RFC 6154) or the well-known name
    role           text        check (role in ('inbox', 'sent', 'drafts', 'trash', 'junk', 'archive', 'all')),
    sync           boolean     not null default true,
    uidvalidity    bigint,
    -- the highest UID stored so far: the next sync fetches from here
    last_uid       bigint      not null default 0,
    -- CONDSTORE (RFC 7162), where the server offers it: flags changed since this mod-sequence
    highest_modseq bigint,
    last_synced_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, account_id) references mail_accounts (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('mail_folders');
create unique index mail_folders_by_name on mail_folders (tenant_id, account_id, name);

-- A conversation: messages joined by Message-ID, In-Reply-To and References.
create table mail_threads (
    tenant_id       uuid        not null,
    account_id      uuid        not null,
    id              uuid        not null,
    subject         text        check (length(subject) <= 2000),
    last_message_at timestamptz not null,
    message_count   integer     not null default 0,
    unread_count    integer     not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, account_id) references mail_accounts (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('mail_threads');
create index mail_threads_latest on mail_threads (tenant_id, account_id, last_message_at desc, id desc);

-- A message, once per account however many folders or labels hold it.
create table mail_messages (
    tenant_id      uuid        not null,
    account_id     uuid        not null,
    id             uuid        not null,
    thread_id      uuid        not null,
    -- the Message-ID header without angle brackets (or one made up from a hash when a message has none)
    message_id     text        not null check (length(message_id) between 1 and 998),
    in_reply_to    text        check (length(in_reply_to) <= 998),
    "references"   text[]      not null default '{}',
    subject        text        check (length(subject) <= 2000),
    from_address   text        check (length(from_address) <= 254),
    from_name      text        check (length(from_name) <= 500),
    -- [{"name": ..., "address": ...}]
    to_addresses   jsonb       not null default '[]',
    cc_addresses   jsonb       not null default '[]',
    bcc_addresses  jsonb       not null default '[]',
    reply_to       jsonb       not null default '[]',
    sent_at        timestamptz,
    received_at    timestamptz not null,
    snippet        text        check (length(snippet) <= 300),
    body_text      text,
    -- sanitised: no script, event handler, javascript: URL, CSS expression or SVG script survives
    body_html      text,
    has_remote_images boolean  not null default false,
    size           bigint      not null default 0,
    seen           boolean     not null default false,
    flagged        boolean     not null default false,
    answered       boolean     not null default false,
    direction      text        not null check (direction in ('inbound', 'outbound')),
    -- Limited Use: where the content came from ('imap', 'gmail', 'microsoft'); never leaves the mail module
    source         text        not null check (source in ('imap', 'gmail', 'microsoft')),
    created_at     timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, account_id) references mail_accounts (tenant_id, id) on delete cascade,
    foreign key (tenant_id, thread_id) references mail_threads (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('mail_messages');
create unique index mail_messages_by_message_id on mail_messages (tenant_id, account_id, message_id);
create index mail_messages_of_thread on mail_messages (tenant_id, thread_id, received_at);
create index mail_messages_latest on mail_messages (tenant_id, account_id, received_at desc, id desc);

-- Where a message sits on the server: folder and UID (a message may be in several folders).
create table mail_locations (
    tenant_id  uuid    not null,
    folder_id  uuid    not null,
    uid        bigint  not null,
    message_id uuid    not null,
    modseq     bigint,
    primary key (tenant_id, folder_id, uid),
    foreign key (tenant_id, folder_id) references mail_folders (tenant_id, id) on delete cascade,
    foreign key (tenant_id, message_id) references mail_messages (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('mail_locations');
create index mail_locations_of_message on mail_locations (tenant_id, message_id);

-- A message's attachments and inline parts. The bytes are stored once per Client and content (by SHA-256) in the
-- files module's storage, under the key in storage_key.
create table mail_attachments (
    tenant_id    uuid    not null,
    message_id   uuid    not null,
    position     integer not null check (position >= 0),
    file_name    text    not null check (length(file_name) between 1 and 255),
    content_type text    not null check (length(content_type) <= 255),
    size         bigint  not null check (size >= 0),
    sha256       text    not null check (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key  text    not null check (length(storage_key) <= 200),
    -- the Content-ID of an inline part (cid: in the HTML)
    content_id   text    check (length(content_id) <= 998),
    inline       boolean not null default false,
    primary key (tenant_id, message_id, position),
    foreign key (tenant_id, message_id) references mail_messages (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('mail_attachments');
create index mail_attachments_by_hash on mail_attachments (tenant_id, sha256);

-- Which records a message is about: the contacts, companies, leads and deals of its participants.
create table mail_links (
    tenant_id   uuid not null,
    message_id  uuid not null,
    record_type text not null check (record_type in ('contact', 'company', 'lead', 'deal')),
    record_id   uuid not null,
    primary key (tenant_id, message_id, record_type, record_id),
    foreign key (tenant_id, message_id) references mail_messages (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('mail_links');
create index mail_links_of_record on mail_links (tenant_id, record_type, record_id);

-- A message being written; replies and forwards name the message they answer.
create table mail_drafts (
    tenant_id      uuid        not null,
    id             uuid        not null,
    account_id     uuid        not null,
    author_id      uuid        not null references users (id),
    mode           text        not null default 'new' check (mode in ('new', 'reply', 'reply_all', 'forward')),
    answers_id     uuid,
    to_addresses   jsonb       not null default '[]',
    cc_addresses   jsonb       not null default '[]',
    bcc_addresses  jsonb       not null default '[]',
    subject        text        check (length(subject) <= 2000),
    body_html      text        check (length(body_html) <= 1000000),
    -- [{"sha256", "storageKey", "fileName", "contentType", "size"}]
    attachments    jsonb       not null default '[]',
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        integer     not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, account_id) references mail_accounts (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('mail_drafts');
create index mail_drafts_of_author on mail_drafts (tenant_id, author_id, updated_at desc);

-- Messages sent from Team365 through the account's SMTP server: written in the user's transaction, sent by a job
-- (retries with back-off), then appended to the Sent folder.
create table mail_outgoing (
    tenant_id       uuid        not null,
    id              uuid        not null,
    account_id      uuid        not null,
    author_id       uuid        not null references users (id),
    -- the message as sent (RFC 5322 bytes), kept until it is in Sent and stored as a mail_messages row
    mime            bytea       not null,
    message_id      text        not null check (length(message_id) between 1 and 998),
    status          text        not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text        check (length(last_error) <= 200),
    sent_at         timestamptz,
    created_at      timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, account_id) references mail_accounts (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('mail_outgoing');
create index mail_outgoing_due on mail_outgoing (next_attempt_at) where status in ('queued', 'sending');
-- the sender finds due messages across Clients, then sends each with its Client bound
create policy mail_sender on mail_outgoing for select using (app_worker() = 'mail-send');
create policy mail_sender_claims on mail_outgoing for update
    using (app_worker() = 'mail-send') with check (app_worker() = 'mail-send');

-- A user's approval for a Team365 operator to read specific messages (privacy policy: no human reads mail content
-- without the user's consent to those messages). Every read under it is audited.
create table mail_operator_approvals (
    tenant_id   uuid        not null,
    id          uuid        not null,
    message_id  uuid        not null,
    approved_by uuid        not null references users (id),
    operator    text        not null check (length(operator) between 3 and 254),
    reason      text        not null check (length(reason) between 1 and 500),
    approved_at timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, message_id) references mail_messages (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('mail_operator_approvals');
create index mail_operator_approvals_of_message on mail_operator_approvals (tenant_id, message_id);
