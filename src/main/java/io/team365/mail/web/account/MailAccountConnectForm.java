package io.team365.mail.web.account;

/** What the connect form holds; the password is never sent back to the page. */
public record MailAccountConnectForm(
        String email,
        String username,
        String displayName,
        String imapHost,
        String imapPort,
        String imapSecurity,
        String smtpHost,
        String smtpPort,
        String smtpSecurity,
        String sharing,
        String syncDays) {

    static MailAccountConnectForm empty() {
        return new MailAccountConnectForm("", "", "", "", "993", "ssl", "", "587", "starttls", "private", "90");
    }
}
