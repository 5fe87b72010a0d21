-- The persistent scheduler (db-scheduler, ADR 0011): one row per scheduled task instance, locked by the node that
-- picks it, so a nightly job runs once however many nodes there are. A platform table: no tenant rows in it.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);
grant select, insert, update, delete on scheduled_tasks to ${appRole};

-- A Client's retention rules: one per target a module offers, created from the target's defaults on first use.
create table retention_rules (
    tenant_id  uuid        not null references clients (id),
    target_key text        not null check (target_key ~ '^[a-z][a-z0-9_.-]{0,63}$'),
    period     text        not null check (period ~ '^P[0-9YMWD]{1,18}$'),
    enabled    boolean     not null default true,
    updated_at timestamptz not null,
    updated_by uuid,
    primary key (tenant_id, target_key)
);
call enable_tenant_isolation('retention_rules');

-- Each run of a Client's rules (nightly or started by an admin) and what each rule did.
create table retention_runs (
    tenant_id   uuid        not null references clients (id),
    id          uuid        not null,
    trigger     text        not null check (trigger in ('nightly', 'manual')),
    started_by  uuid,
    started_at  timestamptz not null,
    finished_at timestamptz,
    touched     bigint      not null default 0,
    failures    int         not null default 0,
    primary key (tenant_id, id)
);
call enable_tenant_isolation('retention_runs');
create index retention_runs_recent on retention_runs (tenant_id, started_at desc, id desc);
-- one run at a time per Client; an interrupted run (a node died) is closed by the next one after an hour
create unique index retention_runs_one_at_a_time on retention_runs (tenant_id) where finished_at is null;

create table retention_run_results (
    tenant_id   uuid        not null,
    run_id      uuid        not null,
    target_key  text        not null,
    action      text        not null check (action in ('delete', 'anonymise')),
    period      text        not null,
    touched     bigint      not null,
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    error       text        check (length(error) <= 200),
    primary key (tenant_id, run_id, target_key),
    foreign key (tenant_id, run_id) references retention_runs (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('retention_run_results');

-- Leads untouched for long are anonymised: the row stays (for counts by status and owner) with no personal values,
-- so the "needs a name or an email" and "unqualified needs a reason" checks allow an anonymised row.
alter table leads add column anonymised_at timestamptz;
do $$
declare
    c record;
begin
    for c in select conname from pg_constraint
             where conrelid = 'leads'::regclass and contype = 'c'
               and (pg_get_constraintdef(oid) like '%emails <> %' or pg_get_constraintdef(oid) like '%unqualified_reason%')
               and pg_get_constraintdef(oid) not like '%length(%'
    loop
        execute format('alter table leads drop constraint %I', c.conname);
    end loop;
end
$$;
alter table leads
    add constraint leads_named_or_anonymised
        check (anonymised_at is not null or coalesce(first_name, '') <> '' or coalesce(last_name, '') <> ''
               or emails <> '[]'),
    add constraint leads_unqualified_reason
        check (anonymised_at is not null or status <> 'unqualified' or coalesce(unqualified_reason, '') <> '');
create index leads_untouched on leads (tenant_id, updated_at) where deleted_at is null and anonymised_at is null;
