package io.team365.identity;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;

/** A person closing their own Team365 account (Settings → Your data). */
public interface AccountClosure {

    /** The page to confirm it is you, coming back to Settings → Your data (for {@link Proof#CONFIRM_FIRST}). */
    String CONFIRM_FIRST_PAGE = "/settings/security/confirm?next=%2Fsettings%2Faccount";

    /** What proves it is the person, not someone at their unlocked screen, closing the account. */
    enum Proof {
        /** Their password, typed on the form (everyone who has one). */
        PASSWORD,
        /**
         * They have no password (single sign-on or passkeys only) and confirmed it is them in this session a moment
         * ago (step-up: a passkey, or signing in again with their provider): closing needs nothing more.
         */
        CONFIRMED,
        /** They have no password and have not confirmed recently: they confirm first, at {@link #CONFIRM_FIRST_PAGE}. */
        CONFIRM_FIRST
    }

    /** How this person, in this session, proves it is them before closing. */
    Proof proof(SignedInUser user, HttpServletRequest request);

    /**
     * Checks the proof again (the password, or for a person without one a recent confirmation in this session),
     * then removes the person from every Client (their records stay with the Client, unowned), deletes the account
     * with its tokens and sessions, keeps the audit trail, and mails a confirmation.
     *
     * @throws InvalidInput when the password is wrong, or a person without one has not confirmed recently
     * @throws Conflict ({@code account.last-owner}) while the person is the only owner of a Client
     */
    void close(SignedInUser user, String password, HttpServletRequest request);

    /** The names of the Clients whose only owner the person is: they must hand ownership over before closing. */
    java.util.List<String> soleOwnerOf(SignedInUser user);
}
