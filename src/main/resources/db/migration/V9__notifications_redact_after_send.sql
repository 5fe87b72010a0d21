-- Mail that carries a one-time link (verification, reset, invitation) keeps the link in the database only until it
-- is sent; then the body is replaced, so a database reader or a backup cannot use the link.
alter table outbound_emails add column redact_after_send boolean not null default false;
