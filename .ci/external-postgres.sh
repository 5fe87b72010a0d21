#!/usr/bin/env bash
# Starts Debian's PostgreSQL 15 and prepares it as README.md describes for an external database: a migration owner,
# an application role without BYPASSRLS, and a database owned by the first. Prints the variables the external
# database test reads. Idempotent; needs root (or sudo) and the postgresql-15 package.
set -euo pipefail
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
command -v pg_ctlcluster >/dev/null || { echo "PostgreSQL 15 is not installed" >&2; exit 1; }
if [ "$(id -u)" -eq 0 ]; then pg_ctlcluster 15 main start 2>/dev/null || true; else sudo pg_ctlcluster 15 main start 2>/dev/null || true; fi
for i in $(seq 1 30); do as_postgres pg_isready -q && break; sleep 0.5; done
as_postgres psql -q -v ON_ERROR_STOP=1 <<'SQL'
do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'team365_ext_owner') then
    create role team365_ext_owner login password 'ext-owner-secret';
  end if;
  if not exists (select 1 from pg_roles where rolname = 'team365_ext_app') then
    create role team365_ext_app login password 'ext-app-secret' nosuperuser nobypassrls;
  end if;
end $$;
select 'create database team365_ext owner team365_ext_owner'
where not exists (select 1 from pg_database where datname = 'team365_ext') \gexec
revoke all on database team365_ext from public;
grant connect, temporary on database team365_ext to team365_ext_app;
SQL
echo "TEAM365_TEST_EXTERNAL_DB_URL=jdbc:postgresql://localhost:5432/team365_ext"
