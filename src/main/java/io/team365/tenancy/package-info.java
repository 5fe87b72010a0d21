/** Clients (tenants) and the tenant context that row-level security in the database is bound to. */
package io.team365.tenancy;
