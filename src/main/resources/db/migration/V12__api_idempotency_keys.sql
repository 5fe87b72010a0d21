-- A retried create with the same Idempotency-Key gets the first response back instead of making a copy.
-- Responses are stored encrypted with the Client's data key (they may hold personal data or a new token), and kept
-- 24 hours.
create table idempotency_keys (
    tenant_id       uuid        not null references clients (id),
    user_id         uuid        not null,
    key             text        not null check (length(key) between 1 and 200),
    request_hash    text        not null,
    completed       boolean     not null default false,
    response_status int,
    response_type   text,
    response_location text,
    response_body   bytea,
    created_at      timestamptz not null default now(),
    primary key (tenant_id, user_id, key)
);
call enable_tenant_isolation('idempotency_keys');
