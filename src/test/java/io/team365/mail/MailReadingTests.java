package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.mail.internal.account.MailAccount;
import io.team365.support.Browserless;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The inbox, a thread, visibility of private and shared mailboxes, safe rendering, drafts and record links. */
class MailReadingTests extends MailClientTestSupport {

    @Test
    void aPrivateMailboxIsTheOwnersAndATeamMailboxEveryones() {
        SignedUp owner = signUpAndVerify("Mail Seen Co");
        Joined member = inviteAndJoin(owner, "member");
        String me = uniqueEmail("me");
        UUID account = connect(owner, owner.userId(), me, MailAccount.Sharing.PRIVATE);
        UUID message = receive(
                owner.tenantId(),
                account,
                null,
                "secret-" + UUID.randomUUID() + "@partner.test",
                List.of(),
                "Board salaries",
                "cfo@partner.test",
                me,
                null,
                "Confidential",
                List.of(new Incoming("salaries.txt", "text/plain", "numbers".getBytes(StandardCharsets.UTF_8), null)));
        UUID thread = threadOf(owner.tenantId(), message);

        assertThat(owner.session().page("/mail/threads/" + thread).statusCode()).isEqualTo(200);
        assertThat(owner.session().page("/mail").body()).contains("Board salaries");
        Browserless other = member.session();
        assertThat(other.page("/mail/threads/" + thread).statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/mail/threads/" + thread).statusCode()).isEqualTo(404);
        assertThat(other.get("/mail/messages/" + message + "/attachments/0").statusCode())
                .isEqualTo(404);
        assertThat(other.get("/mail/messages/" + message + "/reply").statusCode())
                .isEqualTo(404);
        assertThat(other.get("/api/v1/mail/threads").body()).doesNotContain("Board salaries");
        assertThat(other.page("/mail").body()).doesNotContain("Board salaries");

        inTenant(
                owner.tenantId(),
                () -> jdbc.sql("update mail_accounts set sharing = 'team' where id = :id")
                        .param("id", account)
                        .update());
        assertThat(other.page("/mail/threads/" + thread).statusCode()).isEqualTo(200);
        assertThat(other.get("/api/v1/mail/threads/" + thread).body()).contains("Confidential");
        assertThat(other.page("/mail?folder=all").body()).contains("Board salaries");
        assertThat(other.get("/mail/messages/" + message + "/attachments/0").body())
                .isEqualTo("numbers");

        // another Client's member sees nothing either
        SignedUp stranger = signUpAndVerify("Mail Stranger Co");
        assertThat(stranger.session().page("/mail/threads/" + thread).statusCode())
                .isEqualTo(404);
        assertThat(apiClient(stranger.session())
                        .get("/api/v1/mail/threads/" + thread)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theInboxListsSearchesPagesAndMarksReadOnOpen() {
        SignedUp owner = signUpAndVerify("Mail Inbox Co");
        assertThat(owner.session().page("/mail").body())
                .contains("Connect a mailbox")
                .contains("href=\"/settings/mail/accounts\"");
        String me = uniqueEmail("me");
        UUID account = connect(owner, owner.userId(), me, MailAccount.Sharing.PRIVATE);
        assertThat(owner.session().page("/mail").body()).contains("No conversations here.");
        UUID first = receive(
                owner.tenantId(),
                account,
                null,
                "a-" + UUID.randomUUID() + "@x.test",
                List.of(),
                "Alpha offer",
                "ann@alpha.test",
                me,
                null,
                "one",
                List.of());
        receive(
                owner.tenantId(),
                account,
                null,
                "b-" + UUID.randomUUID() + "@x.test",
                List.of(),
                "Beta invoice",
                "bob@beta.test",
                me,
                null,
                "two",
                List.of());
        receive(
                owner.tenantId(),
                account,
                null,
                "c-" + UUID.randomUUID() + "@x.test",
                List.of(),
                "Gamma call",
                "gus@gamma.test",
                me,
                null,
                "three",
                List.of());

        String inbox = owner.session().page("/mail").body();
        assertThat(inbox).contains("Alpha offer").contains("Beta invoice").contains("Gamma call");
        assertThat(inbox).contains("mail-row unread");
        assertThat(owner.session().page("/mail?q=beta").body())
                .contains("Beta invoice")
                .doesNotContain("Alpha offer");
        assertThat(owner.session().page("/mail?q=gus%40gamma").body())
                .contains("Gamma call")
                .doesNotContain("Beta invoice");
        assertThat(owner.session().page("/mail?folder=sent").body()).doesNotContain("Alpha offer");

        Browserless api = apiClient(owner.session());
        String page1 = api.get("/api/v1/mail/threads?limit=2").body();
        String cursor = Browserless.jsonField(page1, "nextCursor");
        assertThat(cursor).isNotBlank();
        String page2 = api.get("/api/v1/mail/threads?limit=2&cursor=" + cursor).body();
        assertThat(page1 + page2)
                .contains("Alpha offer")
                .contains("Beta invoice")
                .contains("Gamma call");
        assertThat(page2).contains("\"nextCursor\":null");
        assertThat(api.get("/api/v1/mail/threads?cursor=garbage").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/mail/threads?limit=500").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/mail/threads?folder=spam").statusCode()).isEqualTo(400);

        UUID thread = threadOf(owner.tenantId(), first);
        owner.session().page("/mail/threads/" + thread);
        Map<String, Object> read = inTenant(
                owner.tenantId(), () -> jdbc.sql("""
                        select m.seen, t.unread_count from mail_messages m join mail_threads t on t.id = m.thread_id
                        where m.id = :id""").param("id", first).query().singleRow());
        assertThat(read).containsEntry("seen", true).containsEntry("unread_count", 0);
    }

    @Test
    void remoteImagesAreNotLoadedAndInlineImagesPointAtTheAttachment() {
        SignedUp owner = signUpAndVerify("Mail Images Co");
        String me = uniqueEmail("me");
        UUID account = connect(owner, owner.userId(), me, MailAccount.Sharing.PRIVATE);
        UUID message = receive(
                owner.tenantId(),
                account,
                null,
                "img-" + UUID.randomUUID() + "@x.test",
                List.of(),
                "Newsletter",
                "news@x.test",
                me,
                "<p>Hi</p><img data-remote-src=\"https://tracker.example/pixel.gif\" alt=\"pixel\">"
                        + "<img src=\"https://evil.example/leak.png\" alt=\"leak\"><img data-cid=\"logo@x\" alt=\"logo\">",
                "Hi",
                List.of(new Incoming("logo.png", "image/png", new byte[] {1, 2, 3}, "<logo@x>")));
        var response = owner.session().page("/mail/threads/" + threadOf(owner.tenantId(), message));
        String page = response.body();
        assertThat(page).doesNotContainPattern("\\ssrc=\"https?://");
        assertThat(page).contains("data-remote-src=\"https://tracker.example/pixel.gif\"");
        assertThat(page).contains("data-remote-src=\"https://evil.example/leak.png\"");
        assertThat(page).contains("src=\"/mail/messages/" + message + "/attachments/0\"");
        assertThat(page).contains("Show images").contains("data-show-images=\"message-" + message + "\"");
        assertThat(page).contains("src=\"/js/mail.js\"");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("img-src 'self' data: https:")
                .contains("script-src 'self';");
    }

    @Test
    void nothingExecutableReachesThePage() {
        SignedUp owner = signUpAndVerify("Mail Xss Co");
        String me = uniqueEmail("me");
        UUID account = connect(owner, owner.userId(), me, MailAccount.Sharing.PRIVATE);
        // as if the stored HTML had escaped the sanitiser: the reader cleans it again
        UUID message = receive(
                owner.tenantId(),
                account,
                null,
                "xss-" + UUID.randomUUID() + "@x.test",
                List.of(),
                "<script>alert('subject')</script>",
                "\"><script>alert(1)</script>@x.test",
                me,
                "<p>ok</p><script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">click</a>"
                        + "<svg onload=alert(4)><circle/></svg><div style=\"background:url(javascript:alert(5))\">s</div>"
                        + "<iframe src=\"https://evil.example\"></iframe><form action=\"https://evil.example\"><input></form>",
                "ok",
                List.of());
        String page = owner.session()
                .page("/mail/threads/" + threadOf(owner.tenantId(), message))
                .body();
        String main = page.substring(page.indexOf("<main"), page.indexOf("</main>"));
        assertThat(main)
                .doesNotContainIgnoringCase("<script>alert")
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("onload")
                .doesNotContainIgnoringCase("<svg")
                .doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("style=")
                .doesNotContainIgnoringCase("action=\"https://evil")
                .doesNotContain("mail.invalid");
        assertThat(main)
                .contains("&lt;script&gt;alert('subject')&lt;/script&gt;")
                .contains("<p>ok</p>");
        String json = apiClient(owner.session())
                .get("/api/v1/mail/threads/" + threadOf(owner.tenantId(), message))
                .body();
        assertThat(json).doesNotContain("onerror").doesNotContain("javascript:");
    }

    @Test
    void draftsAreSavedLoadedAndGuardedByVersion() {
        SignedUp owner = signUpAndVerify("Mail Draft Co");
        String me = uniqueEmail("me");
        UUID account = connect(owner, owner.userId(), me, MailAccount.Sharing.PRIVATE);
        Browserless session = owner.session();
        assertThat(session.page("/mail/compose").body()).contains("name=\"to\"").contains(me);

        var saved = session.postForm(
                "/mail/drafts",
                Map.of(
                        "accountId",
                        account.toString(),
                        "to",
                        "ann@example.test",
                        "subject",
                        "Plan",
                        "body",
                        "Draft one"));
        assertThat(saved.statusCode()).isEqualTo(200);
        UUID draft = UUID.fromString(value(saved.body(), "draftId"));
        assertThat(value(saved.body(), "version")).isEqualTo("0");

        var again = session.postForm(
                "/mail/drafts",
                Map.of(
                        "draftId",
                        draft.toString(),
                        "version",
                        "0",
                        "accountId",
                        account.toString(),
                        "to",
                        "ann@example.test",
                        "subject",
                        "Plan B",
                        "body",
                        "Draft two"));
        assertThat(value(again.body(), "version")).isEqualTo("1");
        var stale = session.postForm(
                "/mail/drafts",
                Map.of(
                        "draftId",
                        draft.toString(),
                        "version",
                        "0",
                        "accountId",
                        account.toString(),
                        "subject",
                        "Lost update"));
        assertThat(stale.statusCode()).isEqualTo(409);
        var staleHtmx = session.send(
                "POST",
                "/mail/drafts",
                "application/x-www-form-urlencoded",
                "draftId=" + draft + "&version=0&accountId=" + account + "&subject=x");
        assertThat(staleHtmx.statusCode()).isIn(200, 409);

        String loaded = session.page("/mail/compose?draft=" + draft).body();
        assertThat(loaded).contains("value=\"Plan B\"").contains("Draft two").contains("ann@example.test");
        assertThat(session.page("/mail?folder=drafts").body()).contains("Plan B");
        assertThat(inTenant(
                        owner.tenantId(),
                        () -> jdbc.sql("select subject || ' v' || version from mail_drafts where id = :id")
                                .param("id", draft)
                                .query(String.class)
                                .single()))
                .isEqualTo("Plan B v1");

        Joined member = inviteAndJoin(owner, "member");
        assertThat(member.session().page("/mail/compose?draft=" + draft).statusCode())
                .isIn(302, 404);
        var foreign = member.session()
                .postForm(
                        "/mail/drafts",
                        Map.of(
                                "draftId",
                                draft.toString(),
                                "version",
                                "1",
                                "accountId",
                                account.toString(),
                                "subject",
                                "hijack"));
        assertThat(foreign.statusCode()).isIn(400, 404);
        var badAccount = session.postForm(
                "/mail/drafts", Map.of("accountId", UUID.randomUUID().toString()));
        assertThat(badAccount.statusCode()).isEqualTo(400);
    }

    @Test
    void threadsLinkedToARecordAreListedForIt() {
        SignedUp owner = signUpAndVerify("Mail Links Co");
        String me = uniqueEmail("me");
        UUID account = connect(owner, owner.userId(), me, MailAccount.Sharing.PRIVATE);
        UUID message = receive(
                owner.tenantId(),
                account,
                null,
                "l-" + UUID.randomUUID() + "@x.test",
                List.of(),
                "About the deal",
                "ann@x.test",
                me,
                null,
                "hi",
                List.of());
        receive(
                owner.tenantId(),
                account,
                null,
                "n-" + UUID.randomUUID() + "@x.test",
                List.of(),
                "Unrelated",
                "bob@x.test",
                me,
                null,
                "hi",
                List.of());
        UUID contact = UUID.randomUUID();
        inTenant(
                owner.tenantId(),
                () -> jdbc.sql("""
                        insert into mail_links (tenant_id, message_id, record_type, record_id)
                        values (:t, :m, 'contact', :c)""")
                        .param("t", owner.tenantId())
                        .param("m", message)
                        .param("c", contact)
                        .update());
        Browserless api = apiClient(owner.session());
        String linked = api.get("/api/v1/mail/threads?recordType=contact&recordId=" + contact)
                .body();
        assertThat(linked).contains("About the deal").doesNotContain("Unrelated");
        assertThat(api.get("/api/v1/mail/threads?recordType=planet&recordId=" + contact)
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/mail/threads?recordType=contact").statusCode())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/mail/threads?recordType=contact&recordId=nope")
                        .statusCode())
                .isEqualTo(400);
    }

    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }
}
