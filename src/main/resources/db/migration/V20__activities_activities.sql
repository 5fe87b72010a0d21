-- Activities: tasks, calls, meetings and notes, each linked to 1-20 records (contacts, companies, leads, deals).
-- Deleted activities stay in the trash (deleted_at) for 30 days. Notes keep their sanitised HTML in body and a
-- plain-text copy in body_text for search and snippets; other types keep plain text in both.
create table activities (
    tenant_id  uuid        not null references clients (id),
    id         uuid        not null,
    type       text        not null check (type in ('task', 'call', 'meeting', 'note')),
    subject    text        not null check (length(subject) between 1 and 200),
    body       text        check (length(body) <= 400000),
    body_text  text        check (length(body_text) <= 100000),
    due_at     timestamptz,
    end_at     timestamptz,
    done       boolean     not null default false,
    done_at    timestamptz,
    done_by    uuid,
    owner_id   uuid,
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    version    int         not null default 1,
    deleted_at timestamptz,
    primary key (tenant_id, id),
    check (end_at is null or (due_at is not null and end_at > due_at)),
    check (done = (done_at is not null))
);
call enable_tenant_isolation('activities');

-- "My open tasks by due date" (undated last: the same expression the dueAt sort uses)
create index activities_open_by_owner on activities
    (tenant_id, owner_id, coalesce(due_at, timestamptz '9999-12-31 00:00:00+00'), id)
    where not done and deleted_at is null;
create index activities_recent on activities (tenant_id, updated_at desc, id desc) where deleted_at is null;
create index activities_created on activities (tenant_id, created_at desc, id desc) where deleted_at is null;
create index activities_trash on activities (tenant_id, deleted_at) where deleted_at is not null;

create table activity_links (
    tenant_id   uuid     not null,
    activity_id uuid     not null,
    record_type text     not null check (record_type in ('contact', 'company', 'lead', 'deal')),
    record_id   uuid     not null,
    position    smallint not null,
    primary key (tenant_id, activity_id, record_type, record_id),
    foreign key (tenant_id, activity_id) references activities (tenant_id, id) on delete cascade
);
call enable_tenant_isolation('activity_links');

-- "Activities of a record"
create index activity_links_by_record on activity_links (tenant_id, record_type, record_id, activity_id);
