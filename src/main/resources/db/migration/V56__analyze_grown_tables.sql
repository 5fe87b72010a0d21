-- Statistics for tables a bulk write has just grown (ADR 0035). A first mail sync or a large import fills a table
-- faster than autovacuum (which looks once a minute) refreshes its statistics; until it does, the planner believes
-- the table is as small as it was and reads by scanning what it thinks is a handful of rows, so every batch costs
-- more than the one before. ANALYZE needs the table's owner; this lets the application ask for it, only for tenant
-- tables, and only once a table has changed by more rows than it held at its last analysis (and by over 1,000): a
-- growing table is analysed each time it doubles, which is when plans built on old figures go wrong.
create function analyze_if_grown(tables text[]) returns text[]
    language plpgsql volatile security definer
    set search_path = public, pg_temp
    as $$
declare
    candidate text;
    analyzed  text[] := '{}';
begin
    for candidate in
        select c.relname
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
        join pg_stat_user_tables s on s.relid = c.oid
        where c.relname = any(tables)
          and c.relkind = 'r'
          and c.relrowsecurity
          and s.n_mod_since_analyze > 1000 + greatest(c.reltuples, 0)
    loop
        begin
            -- never wait behind autovacuum (or another node) analysing the same table: it is being done
            perform set_config('lock_timeout', '100ms', true);
            execute format('analyze %I', candidate);
            analyzed := analyzed || candidate;
        exception when lock_not_available then
            null;
        end;
    end loop;
    return analyzed;
end
$$;
revoke all on function analyze_if_grown(text[]) from public;
grant execute on function analyze_if_grown(text[]) to ${appRole};
