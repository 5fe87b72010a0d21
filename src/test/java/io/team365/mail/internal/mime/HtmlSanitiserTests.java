package io.team365.mail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sanitiser against the XSS corpus (src/test/resources/mail/xss-vectors.txt): the output is parsed again and
 * every element and attribute is checked, not just searched for strings.
 */
class HtmlSanitiserTests {

    private static final Set<String> ALLOWED_ELEMENTS = Set.of(
            "body",
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
            "wbr");

    private static final Set<String> DENIED_ELEMENTS = Set.of(
            "script",
            "style",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "form",
            "input",
            "button",
            "select",
            "textarea",
            "meta",
            "link",
            "base",
            "svg",
            "math",
            "template",
            "noscript",
            "video",
            "audio",
            "source",
            "bgsound",
            "isindex",
            "marquee",
            "portal",
            "use",
            "animate",
            "xml",
            "title",
            "param");

    private static final Set<String> ALLOWED_ATTRIBUTES = Set.of(
            "title",
            "dir",
            "lang",
            "align",
            "valign",
            "href",
            "alt",
            "width",
            "height",
            "border",
            "hspace",
            "vspace",
            "cellpadding",
            "cellspacing",
            "bgcolor",
            "summary",
            "colspan",
            "rowspan",
            "nowrap",
            "scope",
            "span",
            "color",
            "face",
            "size",
            "noshade",
            "start",
            "type",
            "value",
            "rel",
            "target",
            "data-remote-src",
            "data-cid");

    private static final Set<String> DENIED_ATTRIBUTES = Set.of(
            "style",
            "src",
            "srcset",
            "srcdoc",
            "action",
            "formaction",
            "background",
            "dynsrc",
            "lowsrc",
            "xlink:href",
            "data",
            "code",
            "class",
            "id",
            "name",
            "http-equiv",
            "content");

    static Stream<String> vectors() {
        String corpus = new String(Corpus.bytes("xss-vectors.txt"), StandardCharsets.UTF_8);
        return Arrays.stream(corpus.split("(?m)^====\\R"))
                .map(block -> block.lines()
                        .filter(line -> !line.startsWith("#"))
                        .reduce((a, b) -> a + "\n" + b)
                        .orElse(""))
                .filter(block -> !block.isBlank());
    }

    @Test
    void theCorpusHasEnoughVectors() {
        assertThat(vectors().count()).isGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void nothingExecutableSurvives(String vector) {
        String html = HtmlSanitiser.sanitise(vector).html();

        assertSafe(html);
        // also inside a whole email document, after other content
        assertSafe(HtmlSanitiser.sanitise("<html><head></head><body><p>Hi</p>" + vector + "<p>Bye</p></body></html>")
                .html());
    }

    static void assertSafe(String html) {
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script").doesNotContain("<svg");
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            String tag = element.normalName();
            assertThat(DENIED_ELEMENTS).as("element <%s> in %s", tag, html).doesNotContain(tag);
            assertThat(ALLOWED_ELEMENTS).as("element <%s> in %s", tag, html).contains(tag);
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = compact(attribute.getValue());
                assertThat(name).as("attribute %s in %s", name, html).doesNotStartWith("on");
                assertThat(DENIED_ATTRIBUTES)
                        .as("attribute %s in %s", name, html)
                        .doesNotContain(name);
                assertThat(ALLOWED_ATTRIBUTES)
                        .as("attribute %s in %s", name, html)
                        .contains(name);
                assertThat(value)
                        .as("attribute %s=%s in %s", name, value, html)
                        .doesNotContain("javascript:")
                        .doesNotContain("vbscript:")
                        .doesNotContain("data:")
                        .doesNotContain("expression(")
                        .doesNotContain("url(");
                switch (name) {
                    case "href" -> assertThat(value).matches("(https?://|mailto:).*");
                    case "data-remote-src" -> assertThat(value).matches("https?://.*");
                    case "target" -> assertThat(value).isEqualTo("_blank");
                    case "rel" -> assertThat(attribute.getValue()).isEqualTo("noopener noreferrer nofollow");
                    default -> {}
                }
            }
            if (tag.equals("a") && element.hasAttr("href")) {
                assertThat(element.attr("rel")).isEqualTo("noopener noreferrer nofollow");
                assertThat(element.attr("target")).isEqualTo("_blank");
            }
        }
    }

    /** What a browser would see: no whitespace or control characters, lower case. */
    private static String compact(String value) {
        StringBuilder compact = new StringBuilder();
        value.codePoints().filter(c -> c > ' ' && (c < 0x7F || c > 0x9F)).forEach(compact::appendCodePoint);
        return compact.toString().toLowerCase(Locale.ROOT);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "<a href=\"jav&#x09;ascript:alert(1)\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">x</a>",
                "<img onerror=\"alert(1)\">",
                "<p style=\"width:expression(alert(1))\">x</p>",
                "<svg></svg>",
                "<iframe></iframe>",
                "<img src=\"https://x.example/a.png\">",
                "<a href=\"https://x.example/\">no rel</a>"
            })
    void theCheckItselfCatchesUnsafeHtml(String unsafe) {
        assertThatThrownBy(() -> assertSafe(unsafe)).isInstanceOf(AssertionError.class);
    }

    @Test
    void keepsFormattingTablesListsAndPresentationalAttributes() {
        String html = HtmlSanitiser.sanitise(
                        "<h1 align=center>Title</h1><p><b>bold</b> <i>it</i> <u>u</u></p><table width=600"
                                + " cellpadding=4 bgcolor=#ffffff><tr><td colspan=2 valign=top>cell</td></tr></table>"
                                + "<ul><li>x</li></ul><ol start=3><li>y</li></ol><font color=red face=Arial>f</font>"
                                + "<blockquote>quoted</blockquote><pre>  code  </pre>")
                .html();

        assertThat(html)
                .contains("<h1 align=\"center\">Title</h1>")
                .contains("<b>bold</b> <i>it</i> <u>u</u>")
                .contains("<table width=\"600\" cellpadding=\"4\" bgcolor=\"#ffffff\">")
                .contains("<td colspan=\"2\" valign=\"top\">cell</td>")
                .contains("<ul><li>x</li></ul><ol start=\"3\"><li>y</li></ol>")
                .contains("<font color=\"red\" face=\"Arial\">f</font>")
                .contains("<blockquote>quoted</blockquote><pre>  code  </pre>");
    }

    @Test
    void dropsInlineStyleClassAndId() {
        String html = HtmlSanitiser.sanitise("<p style=\"color:red\" class=\"btn\" id=\"x\">text</p>")
                .html();

        assertThat(html).isEqualTo("<p>text</p>");
    }

    @Test
    void remoteImagesAndTrackingPixelsAreBlockedUntilAllowed() {
        HtmlSanitiser.Result result =
                HtmlSanitiser.sanitise("<img src=\"https://img.example/logo.png\" alt=\"Logo\" width=\"100\">"
                        + "<img src=\"http://t.example/open?id=1\" width=\"1\" height=\"1\">");

        assertThat(result.hasRemoteImages()).isTrue();
        assertThat(result.html())
                .isEqualTo("<img alt=\"Logo\" width=\"100\" data-remote-src=\"https://img.example/logo.png\">"
                        + "<img width=\"1\" height=\"1\" data-remote-src=\"http://t.example/open?id=1\">");
    }

    @Test
    void contentIdImagesPointAtTheirPart() {
        HtmlSanitiser.Result result = HtmlSanitiser.sanitise(
                "<img src=\"cid:logo@example.com\"><img src=\"CID:%3Cpart1.abc%40mail%3E\"><img src=\"cid:a b\">");

        assertThat(result.hasRemoteImages()).isFalse();
        assertThat(Jsoup.parseBodyFragment(result.html()).select("img"))
                .extracting(img -> img.attr("data-cid"))
                .containsExactly("logo@example.com", "part1.abc@mail", "");
    }

    @Test
    void linksOpenInANewTabWithoutReferrerOrOpener() {
        String html = HtmlSanitiser.sanitise(
                        "<a href=\"https://example.com/a?b=1&amp;c=2\" target=\"_self\">x</a>"
                                + "<a href=\"mailto:bob@example.com\">mail</a><a href=\"/relative\">rel</a><a href=\"#top\">#</a>")
                .html();

        List<Element> links = Jsoup.parseBodyFragment(html).select("a");
        assertThat(links.get(0).attr("href")).isEqualTo("https://example.com/a?b=1&c=2");
        assertThat(links.get(0).attr("target")).isEqualTo("_blank");
        assertThat(links.get(0).attr("rel")).isEqualTo("noopener noreferrer nofollow");
        assertThat(links.get(1).attr("href")).isEqualTo("mailto:bob@example.com");
        assertThat(links.get(2).hasAttr("href")).isFalse();
        assertThat(links.get(3).hasAttr("href")).isFalse();
    }

    @Test
    void emptyAndNullInputGiveEmptyOutput() {
        assertThat(HtmlSanitiser.sanitise(null).html()).isEmpty();
        assertThat(HtmlSanitiser.sanitise("").html()).isEmpty();
        assertThat(HtmlSanitiser.sanitise("<script>x</script>").html()).isEmpty();
    }
}
