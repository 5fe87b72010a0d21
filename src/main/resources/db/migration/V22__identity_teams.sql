-- Teams inside a Client: with the 'team' record visibility, members see the records of everyone they share a team with.
create table teams (
    tenant_id  uuid        not null references clients (id),
    id         uuid        not null,
    name       text        not null check (length(name) between 1 and 100),
    created_at timestamptz not null default now(),
    primary key (tenant_id, id)
);
call enable_tenant_isolation('teams');
create unique index teams_name on teams (tenant_id, lower(name));

create table team_members (
    tenant_id uuid not null,
    team_id   uuid not null,
    user_id   uuid not null,
    primary key (tenant_id, team_id, user_id),
    foreign key (tenant_id, team_id) references teams (tenant_id, id) on delete cascade,
    foreign key (tenant_id, user_id) references memberships (tenant_id, user_id) on delete cascade
);
call enable_tenant_isolation('team_members');
create index team_members_by_user on team_members (tenant_id, user_id);

alter table clients drop constraint clients_record_visibility_check;
alter table clients add constraint clients_record_visibility_check check (record_visibility in ('all', 'own', 'team'));
