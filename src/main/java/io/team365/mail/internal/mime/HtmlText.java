package io.team365.mail.internal.mime;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** The readable text of (sanitised) HTML with its line structure: blocks, rows, list items and breaks. */
final class HtmlText implements NodeVisitor {

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "table",
            "tr",
            "ul",
            "ol",
            "li",
            "dl",
            "dt",
            "dd",
            "blockquote",
            "pre",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
            "address",
            "center",
            "details",
            "summary",
            "figure",
            "figcaption",
            "caption");

    private final StringBuilder text = new StringBuilder();

    private HtmlText() {}

    static String of(String html) {
        HtmlText visitor = new HtmlText();
        HtmlSanitiser.clean(html).body().traverse(visitor);
        return visitor.text
                .toString()
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n[ \\t]+", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode textNode) {
            String value = insidePre(textNode) ? textNode.getWholeText() : collapse(textNode.getWholeText());
            if (value.startsWith(" ") && (text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1)))) {
                value = value.substring(1);
            }
            text.append(value);
        } else if (node instanceof Element element) {
            String tag = element.normalName();
            if (tag.equals("br")) {
                text.append('\n');
            } else if (BLOCKS.contains(tag)) {
                newLine();
                if (tag.equals("li")) {
                    text.append("- ");
                }
            } else if (tag.equals("td") || tag.equals("th")) {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                    text.append(' ');
                }
            }
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
            newLine();
            if (element.normalName().equals("p")) {
                text.append('\n');
            }
        }
    }

    private void newLine() {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    private static boolean insidePre(TextNode node) {
        for (Node parent = node.parent(); parent != null; parent = parent.parent()) {
            if (parent instanceof Element element && element.normalName().equals("pre")) {
                return true;
            }
        }
        return false;
    }

    private static String collapse(String value) {
        return value.replaceAll("\\s+", " ");
    }
}
