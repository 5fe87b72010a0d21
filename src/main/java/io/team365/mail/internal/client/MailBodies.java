package io.team365.mail.internal.client;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Prepares a message's stored HTML for the reader. The HTML was sanitised when it was stored (mime part); this is a
 * second, independent line of defence, because the reader puts it straight into the page (ADR 0024): an allow-list
 * clean with jsoup, then every image that would load from elsewhere loses its {@code src} and keeps the address in
 * {@code data-remote-src} (the "Show images" button swaps it in), and {@code data-cid} images point at the
 * attachment's download URL.
 */
public final class MailBodies {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .addTags("center", "font", "hr", "del", "ins", "s")
            .addAttributes("img", "data-remote-src", "data-cid", "width", "height")
            .addAttributes("a", "rel", "target")
            .addAttributes("td", "align", "valign")
            .addAttributes("th", "align", "valign");

    private MailBodies() {}

    /** Display-ready HTML for the message, or null when it has no HTML body. */
    public static String forDisplay(MessageView message) {
        return forDisplay(message, "");
    }

    /** The same, with attachment URLs under {@code prefix} (the API's "/api/v1"). */
    public static String forDisplay(MessageView message, String prefix) {
        if (message.bodyHtml() == null || message.bodyHtml().isBlank()) {
            return null;
        }
        Document dirty = Jsoup.parseBodyFragment(message.bodyHtml(), "");
        Document clean = new Cleaner(ALLOWED).clean(dirty);
        for (Element img : clean.select("img")) {
            String src = img.attr("src");
            if (!src.isEmpty()) {
                if (!img.hasAttr("data-remote-src")) {
                    img.attr("data-remote-src", src);
                }
                img.removeAttr("src");
            }
            String remote = img.attr("data-remote-src");
            if (!remote.isEmpty()
                    && !remote.toLowerCase(Locale.ROOT).startsWith("https://")
                    && !remote.toLowerCase(Locale.ROOT).startsWith("http://")) {
                img.removeAttr("data-remote-src");
            }
            String cid = img.attr("data-cid");
            if (!cid.isEmpty()) {
                img.removeAttr("data-remote-src");
                message.attachments().stream()
                        .filter(a ->
                                a.contentId() != null && bare(a.contentId()).equalsIgnoreCase(bare(cid)))
                        .findFirst()
                        .ifPresent(a -> img.attr("src", prefix + a.downloadPath()));
            }
        }
        for (Element link : clean.select("a[href]")) {
            link.attr("rel", "noopener noreferrer nofollow").attr("target", "_blank");
        }
        return clean.body().html();
    }

    /** Whether the displayed HTML holds images that are blocked until the reader allows them. */
    public static boolean hasBlockedImages(String displayHtml) {
        return displayHtml != null && displayHtml.contains("data-remote-src");
    }

    private static String bare(String contentId) {
        String id = contentId.strip();
        if (id.startsWith("cid:")) {
            id = id.substring(4);
        }
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id;
    }
}
