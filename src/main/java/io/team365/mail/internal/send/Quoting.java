package io.team365.mail.internal.send;

import io.team365.mail.internal.client.MessageView;
import io.team365.mail.internal.mime.MailAddress;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/** Subjects and quoted originals of replies and forwards. */
public final class Quoting {

    private Quoting() {}

    /** "Re: subject", unless the subject already starts with Re:. */
    public static String replySubject(String subject) {
        String s = subject == null ? "" : subject.strip();
        return s.toLowerCase(Locale.ROOT).startsWith("re:") ? s : "Re: " + s;
    }

    /** "Fwd: subject", unless it already starts with Fwd: or Fw:. */
    public static String forwardSubject(String subject) {
        String s = subject == null ? "" : subject.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.startsWith("fwd:") || lower.startsWith("fw:") ? s : "Fwd: " + s;
    }

    /** The answered message below a reply: "On …, … wrote:" and its body in a blockquote. */
    public static String quoted(MessageView original, String wroteLine) {
        return "<br><p>" + Entities.escape(wroteLine) + "</p><blockquote>" + body(original) + "</blockquote>";
    }

    /** The forwarded message below the new text, with its headers. */
    public static String forwarded(MessageView original, String date) {
        return "<br><p>---------- Forwarded message ----------<br>From: "
                + Entities.escape(original.fromLabel()) + "<br>Date: " + Entities.escape(date) + "<br>Subject: "
                + Entities.escape(original.subject() == null ? "" : original.subject()) + "<br>To: "
                + Entities.escape(list(original.to())) + "</p>" + body(original);
    }

    /** Plain text of HTML for the text/plain alternative. */
    public static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String marked = Jsoup.clean(
                html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>|</div>|</li>|</tr>|</h[1-6]>", "$0\n"),
                "",
                Safelist.none(),
                new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false));
        return org.jsoup.parser.Parser.unescapeEntities(marked, false)
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    /** What we send as HTML: the user's HTML through an allow-list (nothing executable leaves our server). */
    public static String cleanHtml(String html) {
        return html == null ? "" : Jsoup.clean(html, Safelist.relaxed().addAttributes("img", "data-cid"));
    }

    static String list(List<MailAddress> addresses) {
        return addresses.stream()
                .map(a -> a.name() == null || a.name().isBlank() ? a.address() : a.name() + " <" + a.address() + ">")
                .collect(Collectors.joining(", "));
    }

    private static String body(MessageView original) {
        if (original.bodyHtml() != null && !original.bodyHtml().isBlank()) {
            return Jsoup.clean(original.bodyHtml(), Safelist.relaxed());
        }
        String text = original.bodyText() == null ? "" : original.bodyText();
        return Entities.escape(text).replace("\n", "<br>");
    }
}
