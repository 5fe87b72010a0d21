package io.team365.identity.internal;

/** How a person proved who they are first: the sessions list shows it, and a passkey counts as two factors. */
public enum SignInMethod {
    PASSWORD,
    SSO,
    /** A passkey with user verification: something the person has and something they know or are. */
    PASSKEY;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
