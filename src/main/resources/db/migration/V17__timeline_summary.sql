-- What an entry added to a record is called (an activity's subject, a file's name); null for the record's own changes.
alter table timeline_entries add column summary text check (length(summary) <= 500);
