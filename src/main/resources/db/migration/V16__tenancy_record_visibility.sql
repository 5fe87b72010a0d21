-- Who sees which records: 'all' (members see every record, the default) or 'own' (members and read-only users see
-- the records they own, or created while unowned; owners and admins always see all).
alter table clients add column record_visibility text not null default 'all' check (record_visibility in ('all', 'own'));
