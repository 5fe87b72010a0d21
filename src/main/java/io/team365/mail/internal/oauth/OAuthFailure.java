package io.team365.mail.internal.oauth;

/**
 * The provider refused a token request, or could not be reached. {@code error} is the OAuth error code
 * ({@code invalid_grant} when the user revoked the consent or the refresh token expired), never the provider's text,
 * which may carry personal data.
 */
public class OAuthFailure extends RuntimeException {

    private final String error;

    public OAuthFailure(String error) {
        super("OAuth token request failed: " + error);
        this.error = error;
    }

    public OAuthFailure(String error, Throwable cause) {
        super("OAuth token request failed: " + error, cause);
        this.error = error;
    }

    public String error() {
        return error;
    }

    /** The grant is gone: the user must connect the mailbox again. */
    public boolean consentRevoked() {
        return "invalid_grant".equals(error)
                || "consent_required".equals(error)
                || "interaction_required".equals(error);
    }

    /** The provider could not be reached or answered with something other than a token or an OAuth error. */
    public boolean unreachable() {
        return "unreachable".equals(error);
    }
}
