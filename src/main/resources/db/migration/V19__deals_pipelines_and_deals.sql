-- Pipelines: the ordered stages a deal goes through. Every Client gets a default one on first use.
create table pipelines (
    tenant_id  uuid        not null references clients (id),
    id         uuid        not null,
    name       text        not null check (length(name) between 1 and 100),
    position   int         not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version    int         not null default 1,
    primary key (tenant_id, id)
);
call enable_tenant_isolation('pipelines');

create table pipeline_stages (
    tenant_id   uuid not null,
    id          uuid not null,
    pipeline_id uuid not null,
    name        text not null check (length(name) between 1 and 100),
    probability int  not null check (probability between 0 and 100),
    kind        text not null check (kind in ('open', 'won', 'lost')),
    position    int  not null,
    primary key (tenant_id, id),
    -- lets deals refer to (pipeline, stage) together, so a deal's stage always belongs to its pipeline
    unique (tenant_id, pipeline_id, id),
    foreign key (tenant_id, pipeline_id) references pipelines (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('pipeline_stages');

-- Deals: an opportunity in a stage of a pipeline. status follows the stage's kind; trashed deals keep deleted_at.
create table deals (
    tenant_id     uuid        not null references clients (id),
    id            uuid        not null,
    name          text        not null check (length(name) between 1 and 200),
    pipeline_id   uuid        not null,
    stage_id      uuid        not null,
    amount        numeric(15, 2),
    currency      text        check (currency ~ '^[A-Z]{3}$'),
    close_date    date,
    company_id    uuid,
    owner_id      uuid,
    tags          text[]      not null default '{}',
    custom_fields jsonb       not null default '{}',
    status        text        not null default 'open' check (status in ('open', 'won', 'lost')),
    closed_at     timestamptz,
    lost_reason   text        check (length(lost_reason) <= 500),
    won_reason    text        check (length(won_reason) <= 500),
    created_at    timestamptz not null default now(),
    created_by    uuid,
    updated_at    timestamptz not null default now(),
    updated_by    uuid,
    version       int         not null default 1,
    deleted_at    timestamptz,
    primary key (tenant_id, id),
    check ((amount is null) = (currency is null)),
    -- a stage still holding deals (in the trash too) cannot go: the service says so first, this makes it certain
    foreign key (tenant_id, pipeline_id, stage_id) references pipeline_stages (tenant_id, pipeline_id, id)
);
call enable_tenant_isolation('deals');

create index deals_recent on deals (tenant_id, updated_at desc, id desc) where deleted_at is null;
create index deals_board on deals (tenant_id, pipeline_id, stage_id) where deleted_at is null;
create index deals_company on deals (tenant_id, company_id) where company_id is not null;
create index deals_closed on deals (tenant_id, closed_at) where closed_at is not null and deleted_at is null;
create index deals_trash on deals (tenant_id, deleted_at) where deleted_at is not null;
create index deals_tags on deals using gin (tags);

-- The contacts a deal concerns.
create table deal_contacts (
    tenant_id  uuid not null,
    deal_id    uuid not null,
    contact_id uuid not null,
    position   int  not null,
    primary key (tenant_id, deal_id, contact_id),
    foreign key (tenant_id, deal_id) references deals (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('deal_contacts');

create index deal_contacts_by_contact on deal_contacts (tenant_id, contact_id);
