-- Data-subject requests (access, rectification, erasure, restriction, objection, portability): filed by a Client's
-- user or by a visitor through the public form (then awaiting the emailed code), verified, executed or refused.
-- After an erasure the request stays as proof of compliance, its subject email replaced by subject_hash.
create table privacy_requests (
    tenant_id         uuid        not null references clients (id),
    id                uuid        not null,
    type              text        not null check (type in ('access', 'rectification', 'erasure', 'restriction',
                                                           'objection', 'portability')),
    status            text        not null check (status in ('awaiting-confirmation', 'received', 'verified',
                                                             'in-progress', 'completed', 'refused')),
    channel           text        not null check (channel in ('api', 'settings', 'public-form')),
    subject_email     text        check (subject_email = lower(subject_email) and length(subject_email) <= 254),
    subject_hash      text        check (subject_hash ~ '^[0-9a-f]{64}$'),
    details           text        check (length(details) <= 2000),
    filed_by          uuid,
    received_at       timestamptz,
    original_due_at   timestamptz,
    due_at            timestamptz,
    outcome_note      text        check (length(outcome_note) <= 2000),
    refusal_reason    text        check (length(refusal_reason) <= 2000),
    status_token_hash text        unique,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    primary key (tenant_id, id),
    check (subject_email is not null or subject_hash is not null),
    check (status = 'awaiting-confirmation' or (received_at is not null and due_at is not null))
);
call enable_tenant_isolation('privacy_requests');
create index privacy_requests_queue on privacy_requests (tenant_id, due_at, id);
create index privacy_requests_subject on privacy_requests (tenant_id, subject_email);

-- Every step of a request: who (a user, the subject, or the system), when, and why.
create table privacy_request_history (
    tenant_id   uuid        not null,
    id          uuid        not null,
    request_id  uuid        not null,
    action      text        not null check (action in ('filed', 'confirmed', 'verified', 'started', 'completed',
                                                       'refused', 'extended')),
    from_status text,
    to_status   text        not null,
    actor       text        not null check (actor in ('user', 'subject', 'system')),
    user_id     uuid,
    reason      text        check (length(reason) <= 2000),
    due_at      timestamptz,
    at          timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, request_id) references privacy_requests (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('privacy_request_history');
create index privacy_request_history_of on privacy_request_history (tenant_id, request_id, at, id);

-- The code emailed to a visitor: only its hash, how often it was tried, and when it stops working.
create table privacy_request_codes (
    tenant_id  uuid        not null,
    request_id uuid        not null,
    code_hash  text        not null,
    attempts   int         not null default 0,
    expires_at timestamptz not null,
    primary key (tenant_id, request_id),
    foreign key (tenant_id, request_id) references privacy_requests (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('privacy_request_codes');

-- The ZIP of an access or portability request, kept until it expires.
create table privacy_request_packages (
    tenant_id  uuid        not null,
    request_id uuid        not null,
    content    bytea       not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    primary key (tenant_id, request_id),
    foreign key (tenant_id, request_id) references privacy_requests (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('privacy_request_packages');
