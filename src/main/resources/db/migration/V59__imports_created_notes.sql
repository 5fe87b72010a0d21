-- The notes an import writes (activities of type note, one per record that had notes in the file) are named in
-- import_created like the records it created, so the import's undo moves them to the trash too: a note added to a
-- record the import only updated would otherwise outlive the undo, and a created record's notes are not trashed with
-- it (moving a record to the trash leaves its activities alone).
alter table import_created drop constraint import_created_record_type_check;
alter table import_created add constraint import_created_record_type_check
    check (record_type in ('contact', 'company', 'lead', 'deal', 'activity'));
