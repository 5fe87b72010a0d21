package io.team365.identity;

import io.team365.audit.AuditTrail;
import io.team365.core.Conflict;
import io.team365.core.InvalidInput;

/** A person closing their own Team365 account (Settings → Your data). */
public interface AccountClosure {

    /**
     * Checks the password again, then removes the person from every Client (their records stay with the Client,
     * unowned), deletes the account with its tokens and sessions, keeps the audit trail, and mails a confirmation.
     *
     * @throws InvalidInput when the password is wrong
     * @throws Conflict ({@code account.last-owner}) while the person is the only owner of a Client
     */
    void close(SignedInUser user, String password, AuditTrail.Actor actor);

    /** The names of the Clients whose only owner the person is: they must hand ownership over before closing. */
    java.util.List<String> soleOwnerOf(SignedInUser user);
}
