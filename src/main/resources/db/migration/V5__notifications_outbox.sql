-- Every outgoing email is written here first and sent by a job, so a crash or an SMTP outage loses nothing.
-- Mail that belongs to no Client (password resets) uses the all-zero tenant id.
create table outbound_emails (
    tenant_id       uuid        not null,
    id              uuid        not null,
    kind            text        not null,
    recipient       text        not null,
    subject         text        not null,
    body_text       text        not null,
    body_html       text,
    status          text        not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    primary key (tenant_id, id)
);
create index outbound_emails_due on outbound_emails (next_attempt_at) where status = 'pending';
alter table outbound_emails enable row level security;
alter table outbound_emails force row level security;
-- The sender job is the one reader across tenants, and only of this queue.
create policy tenant_or_sender on outbound_emails
    using (tenant_id = app_tenant_id() or app_worker() = 'outbox')
    with check (tenant_id = app_tenant_id() or app_worker() = 'outbox');
