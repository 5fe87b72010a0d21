-- Mail hardening (issue 6, ADR 0032).

-- Whether members may send from a mailbox shared with the team; off by default: only the owner sends from it.
alter table mail_accounts add column team_may_send boolean not null default false;

-- The copy of a sent message in the Sent folder: when appending it fails after the SMTP server accepted the
-- message, it is appended again later (copy_next_at, with back-off) and never sent again. Null: nothing pending.
alter table mail_outgoing
    add column copy_attempts integer not null default 0,
    add column copy_next_at  timestamptz;
create index mail_outgoing_copy_due on mail_outgoing (copy_next_at) where copy_next_at is not null;
