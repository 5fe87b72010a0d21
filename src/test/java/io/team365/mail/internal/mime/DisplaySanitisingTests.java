package io.team365.mail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's second cleaning ({@link HtmlSanitiser#forDisplay}, used by the mail client's MailBodies) is the same
 * allow-list as the first: the XSS corpus, raw and after the first pass, comes out safe, and the image markers the
 * first pass set survive only when they pass its checks again.
 */
class DisplaySanitisingTests {

    @ParameterizedTest
    @MethodSource("io.team365.mail.internal.mime.HtmlSanitiserTests#vectors")
    void nothingExecutableSurvivesTheSecondPass(String vector) {
        // as if the stored HTML had escaped the first pass
        HtmlSanitiserTests.assertSafe(HtmlSanitiser.forDisplay(vector).html());
        // and as stored
        HtmlSanitiserTests.assertSafe(
                HtmlSanitiser.forDisplay(HtmlSanitiser.sanitise(vector).html()).html());
    }

    @Test
    void storedImageMarkersSurviveAndStayBlocked() {
        String stored = HtmlSanitiser.sanitise(
                        "<p>Hi</p><img src=\"https://tracker.example/p.gif\" alt=\"p\"><img src=\"cid:logo%40x\" alt=\"l\">")
                .html();
        HtmlSanitiser.Result shown = HtmlSanitiser.forDisplay(stored);
        assertThat(shown.html())
                .contains("data-remote-src=\"https://tracker.example/p.gif\"")
                .contains("data-cid=\"logo@x\"")
                .doesNotContain(" src=");
        assertThat(shown.hasRemoteImages()).isTrue();
        // the second pass is stable: cleaning what it shows changes nothing
        assertThat(HtmlSanitiser.forDisplay(shown.html()).html()).isEqualTo(shown.html());
    }

    @Test
    void markersThatWouldNotPassTheFirstCheckAreDropped() {
        String tampered = "<img data-remote-src=\"javascript:alert(1)\" alt=\"a\">"
                + "<img data-remote-src=\"data:image/png;base64,AAAA\" alt=\"b\">"
                + "<img data-cid=\"x&quot; onerror=&quot;alert(1)\" alt=\"c\">"
                + "<img src=\"https://evil.example/leak.png\" alt=\"d\">"
                + "<a href=\"https://ok.example/\" rel=\"opener\" target=\"_self\">ok</a>";
        String shown = HtmlSanitiser.forDisplay(tampered).html();
        HtmlSanitiserTests.assertSafe(shown);
        assertThat(shown)
                .doesNotContain("javascript:")
                .doesNotContain("data:image")
                .doesNotContain("onerror")
                .contains("data-remote-src=\"https://evil.example/leak.png\"")
                .contains("rel=\"noopener noreferrer nofollow\"")
                .contains("target=\"_blank\"");
    }

    @Test
    void emptyStoredHtmlShowsNothing() {
        assertThat(HtmlSanitiser.forDisplay(null).html()).isEmpty();
        assertThat(HtmlSanitiser.forDisplay("").html()).isEmpty();
    }
}
