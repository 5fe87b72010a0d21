package io.team365.mail.internal.send;

import io.team365.mail.internal.client.MessageView;
import io.team365.mail.internal.mime.MailAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Who a reply goes to: the Reply-To (else the sender); reply all adds the other recipients, never ourselves. */
public final class Replies {

    public record Recipients(List<String> to, List<String> cc) {}

    private Replies() {}

    public static Recipients recipients(MessageView original, String ownAddress, boolean all) {
        Set<String> seen = new LinkedHashSet<>();
        seen.add(ownAddress.toLowerCase(java.util.Locale.ROOT));
        List<String> to = new ArrayList<>();
        boolean outbound = "outbound".equals(original.direction());
        List<MailAddress> primary = outbound
                ? original.to()
                : !original.replyTo().isEmpty()
                        ? original.replyTo()
                        : original.from() == null ? List.of() : List.of(original.from());
        add(primary, seen, to);
        List<String> cc = new ArrayList<>();
        if (all) {
            if (!outbound) {
                add(original.to(), seen, cc);
            }
            add(original.cc(), seen, cc);
        }
        return new Recipients(to, cc);
    }

    private static void add(List<MailAddress> addresses, Set<String> seen, List<String> into) {
        for (MailAddress a : addresses) {
            if (a.address() != null && seen.add(a.address().toLowerCase(java.util.Locale.ROOT))) {
                into.add(a.name() == null || a.name().isBlank() ? a.address() : format(a));
            }
        }
    }

    private static String format(MailAddress a) {
        try {
            return new jakarta.mail.internet.InternetAddress(a.address(), a.name(), "UTF-8").toUnicodeString();
        } catch (java.io.UnsupportedEncodingException e) {
            return a.address();
        }
    }
}
