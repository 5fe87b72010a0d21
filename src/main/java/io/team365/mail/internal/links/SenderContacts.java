package io.team365.mail.internal.links;

import io.team365.audit.AuditTrail;
import io.team365.contacts.Contact;
import io.team365.contacts.ContactFields;
import io.team365.contacts.ContactManagement;
import io.team365.core.NotFound;
import io.team365.core.TenantId;
import io.team365.core.Validation;
import io.team365.identity.SignedInUser;
import io.team365.privacy.ValueSource;
import io.team365.privacy.ValueSources;
import io.team365.search.RecordKeys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Add sender as contact": a contact made from a message's sender (name and address), its values recorded as coming
 * from the connected account, then linked to every message that names the address. Refused for a blocked or invalid
 * address, and when a contact with that address exists already.
 */
@Service
public class SenderContacts {

    /** What the thread view shows for a sender: a contact to open, or the button to add one. */
    public record Sender(String address, String name, UUID contactId) {
        public boolean known() {
            return contactId != null;
        }
    }

    private final MailVisibility visibility;
    private final ContactManagement contacts;
    private final ValueSources sources;
    private final RecordKeys keys;
    private final MailLinker linker;
    private final JdbcClient jdbc;

    SenderContacts(
            MailVisibility visibility,
            ContactManagement contacts,
            ValueSources sources,
            RecordKeys keys,
            MailLinker linker,
            JdbcClient jdbc) {
        this.visibility = visibility;
        this.contacts = contacts;
        this.sources = sources;
        this.keys = keys;
        this.linker = linker;
        this.jdbc = jdbc;
    }

    /** The message's sender and the contact already holding their address, if any. */
    @Transactional(readOnly = true)
    public Sender senderOf(UUID messageId) {
        MailVisibility.VisibleMessage message = visibility.find(messageId).orElseThrow(() -> new NotFound("message"));
        String address = RecordKeys.emailKey(message.fromAddress());
        return new Sender(
                address,
                message.fromName(),
                address == null ? null : contactWith(address).orElse(null));
    }

    /** Creates the contact and links the sender's messages; returns the thread to go back to. */
    @Transactional
    public UUID addSender(UUID messageId, AuditTrail.Actor actor) {
        TenantId tenant = SignedInUser.require().tenant();
        MailVisibility.VisibleMessage message = visibility.find(messageId).orElseThrow(() -> new NotFound("message"));
        String address = RecordKeys.emailKey(message.fromAddress());
        Validation check = Validation.start();
        if (address == null || !Validation.isEmail(address)) {
            check.reject("fromAddress", "mail.links.sender.invalid").throwIfInvalid();
        }
        if (blocked(message.accountId(), address)) {
            check.reject("fromAddress", "mail.links.sender.blocked").throwIfInvalid();
        }
        if (contactWith(address).isPresent()) {
            check.reject("fromAddress", "mail.links.sender.known").throwIfInvalid();
        }
        String[] name = splitName(message.fromName(), address);
        ContactFields fields = new ContactFields(
                name[0],
                name[1],
                List.of(new Contact.Email(address, null, true)),
                List.of(),
                null,
                null,
                null,
                List.of(),
                null,
                Map.of(),
                null,
                List.of());
        Contact created =
                sources.attributing(ValueSource.CONNECTED_ACCOUNT, "mail", () -> contacts.create(fields, actor));
        linker.relink(tenant, List.of(address), List.of(), created.id());
        return message.threadId();
    }

    private Optional<UUID> contactWith(String address) {
        TenantId tenant = SignedInUser.require().tenant();
        Map<String, List<UUID>> found = keys.recordsWith(tenant, "contact", RecordKeys.Kind.EMAIL, List.of(address));
        return found.getOrDefault(address, List.of()).stream().findFirst();
    }

    private boolean blocked(UUID accountId, String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1);
        return jdbc.sql("""
                        select count(*) > 0 from mail_blocklist
                        where account_id = :account and pattern in (:address, :domain)
                        """)
                .param("account", accountId)
                .param("address", address)
                .param("domain", domain)
                .query(Boolean.class)
                .single();
    }

    /** "Ada Lovelace" → Ada / Lovelace; "Lovelace, Ada" → Ada / Lovelace; no name → none (the email names them). */
    static String[] splitName(String display, String address) {
        String name = display == null
                ? ""
                : display.strip().replaceAll("^[\"']|[\"']$", "").strip();
        if (name.isEmpty() || name.equalsIgnoreCase(address) || name.contains("@")) {
            return new String[] {null, null};
        }
        name = name.length() > 200 ? name.substring(0, 200) : name;
        int comma = name.indexOf(',');
        if (comma > 0) {
            return new String[] {cut(name.substring(comma + 1)), cut(name.substring(0, comma))};
        }
        int space = name.lastIndexOf(' ');
        return space < 0
                ? new String[] {cut(name), null}
                : new String[] {cut(name.substring(0, space)), cut(name.substring(space + 1))};
    }

    private static String cut(String part) {
        String s = part.strip();
        return s.isEmpty() ? null : s.length() > 100 ? s.substring(0, 100) : s;
    }
}
