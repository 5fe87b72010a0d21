package io.team365.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands one message to SMTP through Spring Mail. With no SMTP server configured it writes the message to the log
 * at INFO instead, so a first run on a laptop can still follow verification links.
 */
@Component
class MailTransport {

    private static final Logger log = LoggerFactory.getLogger(MailTransport.class);

    private final JavaMailSender sender;
    private final String from;

    MailTransport(ObjectProvider<JavaMailSender> sender, @Value("${team365.notifications.from}") String from) {
        this.sender = sender.getIfAvailable();
        this.from = from;
    }

    void send(QueuedEmail email) throws MailException {
        if (sender == null) {
            log.info(
                    "No SMTP server configured; email to {}: {}\n{}",
                    email.recipient(),
                    email.subject(),
                    email.textBody());
            return;
        }
        MimeMessage message = new StableIdMimeMessage(sender.createMimeMessage(), email.id() + "@team365");
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, email.htmlBody() != null, "UTF-8");
            helper.setFrom(parse(from));
            helper.setTo(email.recipient());
            helper.setSubject(email.subject());
            if (email.htmlBody() != null) {
                helper.setText(email.textBody(), email.htmlBody());
            } else {
                helper.setText(email.textBody());
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("Could not build email " + email.id(), e);
        }
        sender.send(message);
    }

    private static InternetAddress parse(String address) throws MessagingException, UnsupportedEncodingException {
        InternetAddress parsed = new InternetAddress(address, true);
        return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), "UTF-8");
    }

    /**
     * Keeps the outbox row's id as Message-ID, so if a crash makes the job send a message again after SMTP took it,
     * receiving servers and clients see the same message, not a second one.
     */
    private static final class StableIdMimeMessage extends MimeMessage {
        private final String messageId;

        StableIdMimeMessage(MimeMessage template, String messageId) {
            super((Session) template.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
