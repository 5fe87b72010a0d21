package io.team365.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.activities.internal.NoteHtml;
import org.junit.jupiter.api.Test;

/** Notes are HTML from browsers and API clients: only the safelist survives, and what survives renders as written. */
class NoteSanitisingTests {

    @Test
    void scriptsEventHandlersAndDangerousUrlsAreStripped() {
        String clean = NoteHtml.sanitise("""
                <p onclick="steal()">Hello <script>alert(1)</script>world</p>
                <img src=x onerror="alert(2)">
                <a href="javascript:alert(3)">js</a>
                <a href="JaVaScRiPt&colon;alert(4)">obfuscated</a>
                <a href="data:text/html;base64,PHNjcmlwdD4=">data</a>
                <a href="vbscript:msgbox(5)">vb</a>
                <iframe src="https://evil.example"></iframe>
                <svg onload="alert(6)"><circle/></svg>
                <p style="background:url(javascript:alert(7))">styled</p>
                <form action="https://evil.example"><input name="x"></form>
                <style>p { color: red }</style>""");
        assertThat(clean.toLowerCase())
                .doesNotContain("<script")
                .doesNotContain("alert")
                .doesNotContain("onclick")
                .doesNotContain("onerror")
                .doesNotContain("onload")
                .doesNotContain("javascript")
                .doesNotContain("vbscript")
                .doesNotContain("data:")
                .doesNotContain("<iframe")
                .doesNotContain("<img")
                .doesNotContain("<svg")
                .doesNotContain("style=")
                .doesNotContain("<style")
                .doesNotContain("<form")
                .doesNotContain("<input");
        assertThat(clean).contains("<p>Hello world</p>").contains("<p>styled</p>");
    }

    @Test
    void theSafelistSurvivesAndLinksGetRelNoopenerNofollow() {
        String html = "<h3>Plan</h3><h4>Steps</h4><p><strong>b</strong> <em>i</em> <u>u</u> <s>s</s><br>"
                + "<code>x = 1</code></p><ul><li>one</li></ul><ol><li>two</li></ol><blockquote>quote</blockquote>"
                + "<pre>pre</pre>";
        assertThat(NoteHtml.sanitise(html)).isEqualTo(html);
        assertThat(NoteHtml.sanitise(
                        "<a href=\"https://example.com/x?a=1&amp;b=2\" target=\"_blank\" class=\"c\">x</a>"))
                .isEqualTo("<a href=\"https://example.com/x?a=1&amp;b=2\" rel=\"noopener nofollow\">x</a>");
        assertThat(NoteHtml.sanitise("<a href=\"mailto:ada@example.com\">mail</a>"))
                .contains("href=\"mailto:ada@example.com\"");
        assertThat(NoteHtml.sanitise("<a href=\"http://example.com\" rel=\"opener\">x</a>"))
                .isEqualTo("<a href=\"http://example.com\" rel=\"noopener nofollow\">x</a>");
        assertThat(NoteHtml.sanitise("<a href=\"/relative\">rel</a>"))
                .as("relative links have no safe meaning outside the page they came from")
                .doesNotContain("href");
        assertThat(NoteHtml.sanitise("<h1>Big</h1><div><span>kept text</span></div>"))
                .as("tags outside the safelist go, their text stays")
                .isEqualTo("Bigkept text");
    }

    @Test
    void plainTextIsTheTextForSearchAndSnippets() {
        String clean = NoteHtml.sanitise("<p>Met <strong>Ada</strong></p><p>at the fair &amp; talked</p>");
        assertThat(NoteHtml.text(clean)).isEqualTo("Met Ada at the fair & talked");
    }

    @Test
    void typedTextBecomesParagraphsAndComesBackForEditing() {
        String typed = "First line\nsecond line\n\nNew <paragraph>?";
        String html = NoteHtml.fromTyped("First line\nsecond line\n\nNew paragraph & more");
        assertThat(html).isEqualTo("<p>First line<br>second line</p><p>New paragraph &amp; more</p>");
        assertThat(NoteHtml.sanitise(html)).isEqualTo(html);
        assertThat(NoteHtml.editable(html)).isEqualTo("First line\nsecond line\n\nNew paragraph & more");
        assertThat(NoteHtml.fromTyped(typed))
                .as("text with a tag in it is taken as HTML, and sanitised later")
                .isEqualTo(typed);
        String rich = "<p>Keep <strong>bold</strong></p>";
        assertThat(NoteHtml.editable(rich))
                .as("formatting is never lost by editing")
                .isEqualTo(rich);
    }
}
