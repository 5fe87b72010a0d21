-- An export runs on a thread of the server that accepted it; if that server stops, nothing finishes the export. The
-- job notes each step of progress (progress_at), and a sweep across Clients marks exports that stopped moving as
-- failed with a reason, so nobody waits for a file that will never come.
alter table exports add column progress_at timestamptz;
update exports set progress_at = coalesce(started_at, created_at);
create policy export_sweeper on exports for select using (app_worker() = 'export-sweeper');
create policy export_sweeper_fails on exports for update
    using (app_worker() = 'export-sweeper') with check (app_worker() = 'export-sweeper');
