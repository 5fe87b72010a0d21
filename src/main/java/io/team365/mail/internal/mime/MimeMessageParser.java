package io.team365.mail.internal.mime;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * FIRST CUT (to be replaced by the full parser): headers, a text/plain body, no HTML and no attachments.
 */
@Component
class MimeMessageParser implements MessageParser {

    @Override
    public ParsedMessage parse(MimeMessage message, AttachmentSink attachments) throws MessagingException, IOException {
        String text = message.isMimeType("text/plain") ? String.valueOf(message.getContent()) : "";
        List<MailAddress> from = addresses(message.getFrom());
        return new ParsedMessage(
                messageId(message),
                stripBrackets(message.getHeader("In-Reply-To", null)),
                references(message.getHeader("References", " ")),
                message.getSubject(),
                from.isEmpty() ? null : from.getFirst(),
                addresses(message.getRecipients(Message.RecipientType.TO)),
                addresses(message.getRecipients(Message.RecipientType.CC)),
                addresses(message.getRecipients(Message.RecipientType.BCC)),
                addresses(message.getReplyTo()),
                message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                text,
                null,
                false,
                text.length() > 200 ? text.substring(0, 200) : text,
                Math.max(0, message.getSize()),
                List.of());
    }

    private static String messageId(MimeMessage message) throws MessagingException {
        String id = stripBrackets(message.getMessageID());
        if (id != null && !id.isBlank()) {
            return id;
        }
        String basis = message.getSubject() + "|" + message.getSentDate() + "|" + Arrays.toString(message.getFrom());
        return "team365-"
                + HexFormat.of()
                        .formatHex(basis.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .substring(0, 32);
    }

    private static List<String> references(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String token : header.trim().split("\\s+")) {
            String id = stripBrackets(token);
            if (id != null && !id.isBlank()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String stripBrackets(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static List<MailAddress> addresses(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        List<MailAddress> result = new ArrayList<>();
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                result.add(new MailAddress(
                        internet.getPersonal(), internet.getAddress().toLowerCase(Locale.ROOT)));
            }
        }
        return result;
    }
}
