package io.team365.mail.internal.client;

import io.team365.mail.internal.mime.HtmlSanitiser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Prepares a message's stored HTML for the reader. The HTML was sanitised when it was stored (mime part); because
 * the reader puts it straight into the page it is cleaned a second time (ADR 0024) by the same {@link HtmlSanitiser}
 * and its one allow-list: every image that would load from elsewhere keeps its address only in
 * {@code data-remote-src} (the "Show images" button swaps it in), and {@code data-cid} images point at the
 * attachment's download URL.
 */
public final class MailBodies {

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
        Document clean = Jsoup.parseBodyFragment(
                HtmlSanitiser.forDisplay(message.bodyHtml()).html(), "");
        clean.outputSettings().prettyPrint(false);
        for (Element img : clean.select("img[data-cid]")) {
            String cid = img.attr("data-cid");
            message.attachments().stream()
                    .filter(a -> a.contentId() != null && bare(a.contentId()).equalsIgnoreCase(bare(cid)))
                    .findFirst()
                    .ifPresent(a -> img.attr("src", prefix + a.downloadPath()));
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
