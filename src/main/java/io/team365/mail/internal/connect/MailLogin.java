package io.team365.mail.internal.connect;

/**
 * How to sign in to a mail server: a user name with a password, or (Gmail, Microsoft 365) with an OAuth2 access
 * token sent through SASL XOAUTH2. The secret is already decrypted; never log it.
 */
public record MailLogin(String username, String secret, boolean oauth) {

    public static MailLogin password(String username, String password) {
        return new MailLogin(username, password, false);
    }

    public static MailLogin oauth(String username, String accessToken) {
        return new MailLogin(username, accessToken, true);
    }

    @Override
    public String toString() {
        return "MailLogin[" + username + (oauth ? ", oauth" : ", password") + "]";
    }
}
