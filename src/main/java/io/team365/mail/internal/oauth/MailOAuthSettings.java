package io.team365.mail.internal.oauth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deployment's OAuth2 clients for Gmail and Microsoft 365 ({@code team365.mail.oauth.google.client-id}, ...).
 * A provider without a client id is not offered. The endpoints default to the providers' documented ones; they are
 * settings so that tests (and sovereign clouds) can point them elsewhere. The mail servers of these providers are
 * fixed: the user never types them.
 */
@ConfigurationProperties("team365.mail.oauth")
public class MailOAuthSettings {

    private final Provider google = new Provider(
            "https://accounts.google.com/o/oauth2/v2/auth",
            "https://oauth2.googleapis.com/token",
            "https://oauth2.googleapis.com/revoke",
            "https://mail.google.com/ openid email",
            "imap.gmail.com",
            993,
            "ssl",
            "smtp.gmail.com",
            465,
            "ssl");

    private final Provider microsoft = new Provider(
            "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
            "https://login.microsoftonline.com/common/oauth2/v2.0/token",
            // Microsoft has no revocation endpoint for a single refresh token: disconnecting forgets it
            "",
            "https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send offline_access",
            "outlook.office365.com",
            993,
            "ssl",
            "smtp.office365.com",
            587,
            "starttls");

    public Provider getGoogle() {
        return google;
    }

    public Provider getMicrosoft() {
        return microsoft;
    }

    /** One provider's client registration, endpoints, scopes and mail servers. */
    public static class Provider {

        private String clientId = "";
        private String clientSecret = "";
        private String authorizeUri;
        private String tokenUri;
        private String revokeUri;
        private String scopes;
        private String imapHost;
        private int imapPort;
        private String imapSecurity;
        private String smtpHost;
        private int smtpPort;
        private String smtpSecurity;

        Provider(
                String authorizeUri,
                String tokenUri,
                String revokeUri,
                String scopes,
                String imapHost,
                int imapPort,
                String imapSecurity,
                String smtpHost,
                int smtpPort,
                String smtpSecurity) {
            this.authorizeUri = authorizeUri;
            this.tokenUri = tokenUri;
            this.revokeUri = revokeUri;
            this.scopes = scopes;
            this.imapHost = imapHost;
            this.imapPort = imapPort;
            this.imapSecurity = imapSecurity;
            this.smtpHost = smtpHost;
            this.smtpPort = smtpPort;
            this.smtpSecurity = smtpSecurity;
        }

        public boolean configured() {
            return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        }

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public String getAuthorizeUri() {
            return authorizeUri;
        }

        public void setAuthorizeUri(String authorizeUri) {
            this.authorizeUri = authorizeUri;
        }

        public String getTokenUri() {
            return tokenUri;
        }

        public void setTokenUri(String tokenUri) {
            this.tokenUri = tokenUri;
        }

        public String getRevokeUri() {
            return revokeUri;
        }

        public void setRevokeUri(String revokeUri) {
            this.revokeUri = revokeUri;
        }

        public String getScopes() {
            return scopes;
        }

        public void setScopes(String scopes) {
            this.scopes = scopes;
        }

        public String getImapHost() {
            return imapHost;
        }

        public void setImapHost(String imapHost) {
            this.imapHost = imapHost;
        }

        public int getImapPort() {
            return imapPort;
        }

        public void setImapPort(int imapPort) {
            this.imapPort = imapPort;
        }

        public String getImapSecurity() {
            return imapSecurity;
        }

        public void setImapSecurity(String imapSecurity) {
            this.imapSecurity = imapSecurity;
        }

        public String getSmtpHost() {
            return smtpHost;
        }

        public void setSmtpHost(String smtpHost) {
            this.smtpHost = smtpHost;
        }

        public int getSmtpPort() {
            return smtpPort;
        }

        public void setSmtpPort(int smtpPort) {
            this.smtpPort = smtpPort;
        }

        public String getSmtpSecurity() {
            return smtpSecurity;
        }

        public void setSmtpSecurity(String smtpSecurity) {
            this.smtpSecurity = smtpSecurity;
        }
    }
}
