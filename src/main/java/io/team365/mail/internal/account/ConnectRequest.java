package io.team365.mail.internal.account;

import io.team365.core.InvalidInput;
import io.team365.core.Validation;
import io.team365.mail.internal.connect.MailServer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mailbox to connect, as the API and the form send it: {@code provider} "imap" (the others connect through OAuth
 * in the browser), the address, the sign-in name and password, and both servers.
 */
public record ConnectRequest(
        String provider,
        String email,
        String username,
        String password,
        Server imap,
        Server smtp,
        String sharing,
        Integer syncDays,
        String displayName) {

    /** A server as typed: host, port, and "ssl", "starttls" or "none". */
    public record Server(String host, Integer port, String security) {}

    private static final Pattern HOST = Pattern.compile(
            "^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$");

    @Override
    public String toString() {
        return "ConnectRequest[" + provider + "]";
    }

    /** The provider, or the field error of one that is missing or unknown. */
    public static MailAccount.Provider provider(String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.of("provider", "validation.required");
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "imap" -> MailAccount.Provider.IMAP;
            case "gmail" -> MailAccount.Provider.GMAIL;
            case "microsoft" -> MailAccount.Provider.MICROSOFT;
            default -> throw InvalidInput.of("provider", "mail.accounts.error.provider");
        };
    }

    public static MailAccount.Sharing sharing(Validation validation, String field, String value) {
        if (value == null || value.isBlank()) {
            return MailAccount.Sharing.PRIVATE;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "private" -> MailAccount.Sharing.PRIVATE;
            case "team" -> MailAccount.Sharing.TEAM;
            default -> {
                validation.reject(field, "mail.accounts.error.sharing");
                yield MailAccount.Sharing.PRIVATE;
            }
        };
    }

    public static int syncDays(Validation validation, String field, Integer value) {
        if (value == null) {
            return 90;
        }
        if (value < 1 || value > 3650) {
            validation.reject(field, "mail.accounts.error.sync-days");
            return 90;
        }
        return value;
    }

    /** The server, or null with the field errors recorded. */
    static MailServer server(Validation validation, String field, Server server) {
        if (server == null) {
            validation.reject(field + ".host", "validation.required");
            return null;
        }
        String host = server.host() == null ? "" : server.host().strip().toLowerCase(Locale.ROOT);
        boolean valid = true;
        if (host.isEmpty()) {
            validation.reject(field + ".host", "validation.required");
            valid = false;
        } else if (!HOST.matcher(host).matches()) {
            validation.reject(field + ".host", "mail.accounts.error.host");
            valid = false;
        }
        if (server.port() == null) {
            validation.reject(field + ".port", "validation.required");
            valid = false;
        } else if (server.port() < 1 || server.port() > 65535) {
            validation.reject(field + ".port", "mail.accounts.error.port");
            valid = false;
        }
        MailServer.Security security = null;
        String mode = server.security() == null ? "" : server.security().strip().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "ssl" -> security = MailServer.Security.SSL;
            case "starttls" -> security = MailServer.Security.STARTTLS;
            case "none" -> security = MailServer.Security.NONE;
            default -> {
                validation.reject(field + ".security", "mail.accounts.error.security");
                valid = false;
            }
        }
        return valid ? new MailServer(host, server.port(), security) : null;
    }

    /** Optional free text: null when blank, else stripped and checked. */
    static String optionalText(Validation validation, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            validation.reject(field, "validation.too-long", maxLength);
        } else if (text.chars().anyMatch(c -> c < 0x20)) {
            validation.reject(field, "validation.control-characters");
        }
        return text;
    }
}
