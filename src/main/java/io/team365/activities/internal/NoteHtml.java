package io.team365.activities.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * Notes are rich text from people's browsers and API clients: only a small safelist of formatting survives, links
 * only to http, https and mailto and always with {@code rel="noopener nofollow"}. What this returns is the only HTML
 * pages render unescaped.
 */
public final class NoteHtml {

    private static final Safelist SAFE = new Safelist()
            .addTags(
                    "p", "br", "strong", "em", "u", "s", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "noopener nofollow");

    private static final Document.OutputSettings OUTPUT =
            new Document.OutputSettings().prettyPrint(false).charset("UTF-8");

    private NoteHtml() {}

    /** The HTML with everything outside the safelist removed (scripts, event handlers, styles, javascript: URLs). */
    public static String sanitise(String html) {
        return Jsoup.clean(html == null ? "" : html, "", SAFE, OUTPUT).strip();
    }

    /** The text of sanitised HTML, whitespace collapsed: for search and snippets. */
    public static String text(String safeHtml) {
        return Jsoup.parseBodyFragment(safeHtml == null ? "" : safeHtml).text().strip();
    }

    /**
     * What a person edits in a plain text box: notes that are only paragraphs and line breaks come back as text,
     * richer ones as their HTML, so formatting is never lost by saving.
     */
    public static String editable(String safeHtml) {
        if (safeHtml == null || safeHtml.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(safeHtml);
        if (!doc.body().select("*:not(body):not(p):not(br)").isEmpty()) {
            return safeHtml;
        }
        StringBuilder text = new StringBuilder();
        for (org.jsoup.nodes.Element paragraph : doc.body().children()) {
            text.append(text.isEmpty() ? "" : "\n\n")
                    .append(paragraph.wholeText().strip());
        }
        return text.isEmpty() ? doc.body().wholeText().strip() : text.toString();
    }

    /** What a person typed into a plain text box: HTML if it has tags, else text made into paragraphs. */
    public static String fromTyped(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return typed.contains("<") ? typed : fromPlainText(typed);
    }

    /** Plain text as note HTML: escaped, one paragraph per blank-line-separated block, line breaks kept. */
    public static String fromPlainText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            html.append("<p>")
                    .append(Entities.escape(paragraph.strip()).replaceAll("\\R", "<br>"))
                    .append("</p>");
        }
        return html.toString();
    }
}
