package io.team365.mail.internal.mime;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes the HTML of an email safe to show inside Team365 pages. An allow-list, not a deny-list: only formatting,
 * tables, lists, links and images survive, with a few presentational attributes; everything else (script, style,
 * iframe, object, embed, form and its controls, meta, link, base, svg, math, comments, every {@code on*} handler,
 * {@code style}, {@code class} and {@code id}) is dropped. Links keep only http, https and mailto URLs, checked
 * after the HTML parser has decoded entities and after removing the whitespace and control characters browsers
 * ignore, and they open in a new tab with {@code rel="noopener noreferrer nofollow"}.
 *
 * <p>Inline {@code style} is dropped rather than filtered: the application's Content-Security-Policy
 * ({@code style-src 'self'}) would block it anyway, and presentational attributes (align, bgcolor, width, colour of
 * a font…) carry most of a newsletter's layout without a CSS parser in the trust path. See ADR 0023.
 *
 * <p>Images never load by themselves: {@code http(s)} sources move to {@code data-remote-src} (the reader swaps them
 * in when the user allows remote content, which also blocks tracking pixels) and {@code cid:} sources to
 * {@code data-cid} (the reader maps them to the attachment); any other source is removed.
 */
public final class HtmlSanitiser {

    /** Sanitised HTML (a body fragment) and whether it refers to remote images. */
    public record Result(String html, boolean hasRemoteImages) {}

    static final String LINK_REL = "noopener noreferrer nofollow";

    /** What a Content-ID (a msg-id: atext, dots and one @) may contain; anything else is not a part's name. */
    private static final Pattern CONTENT_ID = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.@-]{1,250}");

    private static final String[] COMMON = {"title", "dir", "lang", "align", "valign"};
    private static final String[] CELL = {"width", "height", "bgcolor", "colspan", "rowspan", "nowrap", "scope"};

    private static final Safelist ALLOWED = new Safelist()
            .addTags(
                    "a",
                    "abbr",
                    "acronym",
                    "address",
                    "b",
                    "bdi",
                    "bdo",
                    "big",
                    "blockquote",
                    "br",
                    "caption",
                    "center",
                    "cite",
                    "code",
                    "col",
                    "colgroup",
                    "dd",
                    "del",
                    "details",
                    "dfn",
                    "div",
                    "dl",
                    "dt",
                    "em",
                    "figcaption",
                    "figure",
                    "font",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "hr",
                    "i",
                    "img",
                    "ins",
                    "kbd",
                    "li",
                    "mark",
                    "ol",
                    "p",
                    "pre",
                    "q",
                    "s",
                    "samp",
                    "small",
                    "span",
                    "strike",
                    "strong",
                    "sub",
                    "summary",
                    "sup",
                    "table",
                    "tbody",
                    "td",
                    "tfoot",
                    "th",
                    "thead",
                    "time",
                    "tr",
                    "tt",
                    "u",
                    "ul",
                    "var",
                    "wbr")
            .addAttributes(":all", COMMON)
            .addAttributes("a", "href")
            .addAttributes("img", "src", "alt", "width", "height", "border", "hspace", "vspace")
            .addAttributes("table", "width", "height", "border", "cellpadding", "cellspacing", "bgcolor", "summary")
            .addAttributes("td", CELL)
            .addAttributes("th", CELL)
            .addAttributes("tr", "height", "bgcolor")
            .addAttributes("col", "span", "width")
            .addAttributes("colgroup", "span", "width")
            .addAttributes("font", "color", "face", "size")
            .addAttributes("hr", "width", "size", "noshade")
            .addAttributes("ol", "start", "type")
            .addAttributes("ul", "type")
            .addAttributes("li", "value", "type")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https", "cid");

    private HtmlSanitiser() {}

    public static Result sanitise(String html) {
        Document clean = clean(html);
        boolean remote = false;
        for (Element image : clean.select("img")) {
            String source = image.attr("src").strip();
            image.removeAttr("src");
            String scheme = scheme(source);
            if (scheme.equals("http:") || scheme.equals("https:")) {
                image.attr("data-remote-src", source);
                remote = true;
            } else if (scheme.equals("cid:")) {
                String contentId = contentId(source);
                if (CONTENT_ID.matcher(contentId).matches()) {
                    image.attr("data-cid", contentId);
                }
            }
        }
        for (Element link : clean.select("a")) {
            String scheme = scheme(link.attr("href"));
            if (scheme.equals("http:") || scheme.equals("https:") || scheme.equals("mailto:")) {
                link.attr("rel", LINK_REL).attr("target", "_blank");
            } else {
                link.removeAttr("href");
            }
        }
        return new Result(clean.body().html(), remote);
    }

    /**
     * Stored HTML cleaned again for the reader (a second, independent line of defence, ADR 0024), with the same
     * allow-list: the {@code data-remote-src} and {@code data-cid} the first pass left on images are turned back into
     * sources and go through the same checks again, so a blocked image stays blocked and a {@code cid:} image keeps
     * its Content-ID (the reader maps it to the attachment).
     */
    public static Result forDisplay(String storedHtml) {
        Document stored = Jsoup.parseBodyFragment(storedHtml == null ? "" : storedHtml, "");
        for (Element image : stored.select("img")) {
            String cid = image.attr("data-cid");
            String remote = image.attr("data-remote-src");
            if (!cid.isBlank()) {
                // encoded again: contentId() decodes once, and the stored id is already decoded
                image.attr("src", "cid:" + cid.replace("%", "%25"));
            } else if (!remote.isBlank()) {
                image.attr("src", remote);
            }
            image.removeAttr("data-cid").removeAttr("data-remote-src");
        }
        return sanitise(stored.body().html());
    }

    /** The sanitised document; {@link HtmlText} reads its text. */
    static Document clean(String html) {
        Document dirty = Jsoup.parse(html == null ? "" : html);
        Document clean = new Cleaner(ALLOWED).clean(dirty);
        clean.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        return clean;
    }

    /** The URL's scheme as a browser would read it: control characters and whitespace anywhere are ignored. */
    static String scheme(String url) {
        StringBuilder compact = new StringBuilder();
        for (int i = 0; i < url.length() && compact.length() < 12; i++) {
            char c = url.charAt(i);
            if (c > ' ' && (c < 0x7F || c > 0x9F)) {
                compact.append(c);
            }
        }
        String lower = compact.toString().toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        return colon < 0 ? "" : lower.substring(0, colon + 1);
    }

    private static String contentId(String source) {
        String id = source.substring(source.indexOf(':') + 1).strip();
        try {
            id = URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            // keep it as written
        }
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id.strip();
    }
}
