-- Mail accounts (issue 6): a mailbox disconnected while keeping its mail has its secrets wiped (password, OAuth
-- refresh and access tokens), so the secret column may be empty then, and only then.
alter table mail_accounts alter column secret drop not null;
alter table mail_accounts add constraint mail_accounts_secret_unless_disconnected
    check (secret is not null or status = 'disconnected');
