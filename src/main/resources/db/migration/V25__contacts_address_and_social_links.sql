-- A contact's postal address and their profiles on social networks ([{network, url}]).
alter table contacts add column address jsonb not null default '{}';
alter table contacts add column social_links jsonb not null default '[]';
