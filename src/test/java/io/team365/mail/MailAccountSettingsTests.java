package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import io.team365.core.TenantId;
import io.team365.mail.internal.account.SyncRequested;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import io.team365.tenancy.TenantCrypto;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

/**
 * An account's settings (folders, how far back, sharing, signature, blocklist) over the API and the page, sync
 * requests, who may see an account, and its password sealed with the Client's key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailAccountSettingsTests extends IntegrationTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    ApplicationEventMulticaster multicaster;

    @Autowired
    TenantCrypto crypto;

    private GreenMail mail;
    private SignedUp owner;
    private Browserless api;
    private final List<SyncRequested> heard = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = new ApplicationListener<>() {
        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof SyncRequested s) {
                heard.add(s);
            }
        }
    };

    @BeforeAll
    void serverAndClient() {
        mail = MailAccountFixtures.startMailServer();
        owner = signUpAndVerify("Mailbox Settings");
        api = apiClient(owner.session());
    }

    @AfterAll
    void stop() {
        mail.stop();
    }

    @BeforeEach
    void listen() {
        heard.clear();
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        multicaster.removeApplicationListener(listener);
        clock.reset();
    }

    private String connect(Browserless client) {
        String email = uniqueEmail("box");
        GreenMailUser user = mail.setUser(email, email, MailAccountFixtures.PASSWORD);
        try {
            mail.getManagers().getImapHostManager().createMailbox(user, "Sent");
            mail.getManagers().getImapHostManager().createMailbox(user, "Trash");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> created = client.postJson(
                "/api/v1/mail/accounts", MailAccountFixtures.connectJson(mail, email, MailAccountFixtures.PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private <T> T inTenant(UUID tenant, Supplier<T> work) {
        return TenantContext.callAs(new TenantId(tenant), null, work::get);
    }

    private <T> List<T> column(String sql, String id, Class<T> type) {
        return inTenant(
                owner.tenantId(),
                () -> jdbc.sql(sql).param("id", UUID.fromString(id)).query(type).list());
    }

    @Test
    void settingsChangeTogetherSanitisedAndTheAccountIsSyncedAgain() {
        String id = connect(api);
        assertThat(column(
                        "select name || ':' || coalesce(role, '-') || ':' || sync from mail_folders"
                                + " where account_id = :id order by name",
                        id,
                        String.class))
                .containsExactly("INBOX:inbox:true", "Sent:sent:true", "Trash:trash:false");
        heard.clear();
        clock.advance(Duration.ofHours(3));
        HttpResponse<String> patched =
                api.send("PATCH", "/api/v1/mail/accounts/" + id, "application/merge-patch+json", """
                {"displayName": "Ann Archer", "sharing": "team", "syncDays": 30, "syncFolders": ["INBOX"],
                 "blocklist": ["Spammer@Example.com", "@junk.example", "example.org", "example.org"],
                 "signatureHtml": "<p onclick=\\"steal()\\">Kind regards<script>alert(1)</script> <b>Ann</b> <a href=\\"javascript:alert(1)\\">me</a> <img src=x onerror=alert(1)></p>"}
                """, "\"v0\"");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.headers().firstValue("ETag")).hasValue("\"v1\"");
        assertThat(patched.body())
                .contains("\"sharing\":\"team\"", "\"syncDays\":30", "\"displayName\":\"Ann Archer\"");

        assertThat(column("select name from mail_folders where account_id = :id and sync", id, String.class))
                .containsExactly("INBOX");
        assertThat(column(
                        "select pattern from mail_blocklist where account_id = :id order by pattern", id, String.class))
                .containsExactly("example.org", "junk.example", "spammer@example.com");
        String signature = column("select signature_html from mail_accounts where id = :id", id, String.class)
                .getFirst();
        assertThat(signature)
                .contains("Kind regards", "<b>Ann</b>")
                .doesNotContainIgnoringCase("script")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContain("<img");
        assertThat(column("select next_sync_at from mail_accounts where id = :id", id, java.sql.Timestamp.class)
                        .getFirst()
                        .toInstant())
                .isCloseTo(clock.instant(), org.assertj.core.api.Assertions.within(Duration.ofSeconds(1)));
        assertThat(heard).containsExactly(new SyncRequested(new TenantId(owner.tenantId()), UUID.fromString(id)));
        assertThat(inTenant(
                        owner.tenantId(),
                        () -> jdbc.sql("select details::text from audit_events where action = 'mail.account.updated'"
                                        + " and target_id = :id")
                                .param("id", id)
                                .query(String.class)
                                .single()))
                .contains("blocklist", "signatureHtml")
                .doesNotContain("example.org")
                .doesNotContain("spammer");

        // a stale version changes nothing
        HttpResponse<String> stale =
                api.send("PATCH", "/api/v1/mail/accounts/" + id, "application/json", "{\"syncDays\": 10}", "\"v0\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(column("select sync_days from mail_accounts where id = :id", id, Integer.class))
                .containsExactly(30);
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldAndChangeNothing() {
        String id = connect(api);
        heard.clear();
        String path = "/api/v1/mail/accounts/" + id;
        HttpResponse<String> blocklist =
                api.send("PATCH", path, "application/json", "{\"blocklist\": [\"ok.example\", \"not a domain!\"]}");
        assertThat(blocklist.statusCode()).isEqualTo(400);
        assertThat(blocklist.body()).contains("\"field\":\"blocklist[1]\"", "email address or a domain");
        HttpResponse<String> folder = api.send("PATCH", path, "application/json", "{\"syncFolders\": [\"Nope\"]}");
        assertThat(folder.body()).contains("\"field\":\"syncFolders[0]\"");
        assertThat(api.send("PATCH", path, "application/json", "{\"syncDays\": \"many\"}")
                        .body())
                .contains("\"field\":\"syncDays\"");
        assertThat(api.send("PATCH", path, "application/json", "{\"syncDays\": 5000}")
                        .body())
                .contains("\"field\":\"syncDays\"");
        assertThat(api.send("PATCH", path, "application/json", "{\"sharing\": \"world\"}")
                        .body())
                .contains("\"field\":\"sharing\"");
        assertThat(api.send("PATCH", path, "application/json", "{\"password\": \"x\"}")
                        .body())
                .contains("\"field\":\"password\"");
        assertThat(api.send("PATCH", path, "application/json", "{\"syncDays\": 5}", "\"v7x\"")
                        .statusCode())
                .isEqualTo(400);
        assertThat(column("select version from mail_accounts where id = :id", id, Integer.class))
                .containsExactly(0);
        assertThat(column("select count(*) from mail_blocklist where account_id = :id", id, Long.class))
                .containsExactly(0L);
        assertThat(heard).isEmpty();
    }

    @Test
    void syncNowMakesTheAccountDueAndWakesTheWorker() {
        String id = connect(api);
        heard.clear();
        clock.advance(Duration.ofHours(1));
        HttpResponse<String> sync = api.postJson("/api/v1/mail/accounts/" + id + "/sync", "");
        assertThat(sync.statusCode()).isEqualTo(202);
        assertThat(heard).containsExactly(new SyncRequested(new TenantId(owner.tenantId()), UUID.fromString(id)));
        Instant due = column("select next_sync_at from mail_accounts where id = :id", id, java.sql.Timestamp.class)
                .getFirst()
                .toInstant();
        assertThat(due).isCloseTo(clock.instant(), org.assertj.core.api.Assertions.within(Duration.ofSeconds(1)));
        assertThat(api.postJson("/api/v1/mail/accounts/" + UUID.randomUUID() + "/sync", "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.postJson("/api/v1/mail/accounts/not-an-id/sync", "").statusCode())
                .isEqualTo(400);
    }

    @Test
    void thePasswordIsSealedWithTheClientsKeyAndNoOtherClientsKeyOpensIt() {
        String id = connect(api);
        byte[] sealed = column("select secret from mail_accounts where id = :id", id, byte[].class)
                .getFirst();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(MailAccountFixtures.PASSWORD);
        assertThat(column("select access_token is null from mail_accounts where id = :id", id, Boolean.class))
                .containsExactly(true);
        assertThat(new String(
                        crypto.decrypt(new TenantId(owner.tenantId()), "mail.account.secret", sealed),
                        StandardCharsets.UTF_8))
                .isEqualTo(MailAccountFixtures.PASSWORD);
        SignedUp other = signUpAndVerify("Other Company");
        assertThatThrownBy(() -> crypto.decrypt(new TenantId(other.tenantId()), "mail.account.secret", sealed))
                .isInstanceOf(TenantCrypto.UndecryptableException.class);
        assertThatThrownBy(() -> crypto.decrypt(new TenantId(owner.tenantId()), "mail.account.access-token", sealed))
                .isInstanceOf(TenantCrypto.UndecryptableException.class);
    }

    @Test
    void anotherClientsAccountIsNotFoundAndPrivateAccountsStayWithTheirOwner() {
        String ownersAccount = connect(api);
        SignedUp other = signUpAndVerify("Nosy Neighbours");
        Browserless otherApi = apiClient(other.session());
        String path = "/api/v1/mail/accounts/" + ownersAccount;
        assertThat(otherApi.get(path).statusCode()).isEqualTo(404);
        assertThat(otherApi.send("PATCH", path, "application/json", "{\"syncDays\": 5}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(otherApi.postJson(path + "/sync", "").statusCode()).isEqualTo(404);
        assertThat(otherApi.delete(path + "?deleteMail=true").statusCode()).isEqualTo(404);
        assertThat(otherApi.get("/api/v1/mail/accounts").body()).doesNotContain(ownersAccount);
        assertThat(other.session()
                        .page("/settings/mail/accounts/" + ownersAccount)
                        .statusCode())
                .isEqualTo(404);
        assertThat(column("select count(*) from mail_accounts where id = :id", ownersAccount, Long.class))
                .containsExactly(1L);

        // within the Client: a member's private mailbox is theirs alone; shared, the administrators see it too
        Joined member = inviteAndJoin(owner, "member");
        Browserless memberApi = apiClient(member.session());
        assertThat(memberApi.get(path).statusCode()).isEqualTo(404);
        String membersAccount = connect(memberApi);
        assertThat(api.get("/api/v1/mail/accounts/" + membersAccount).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/mail/accounts").body()).doesNotContain(membersAccount);
        assertThat(memberApi
                        .send(
                                "PATCH",
                                "/api/v1/mail/accounts/" + membersAccount,
                                "application/json",
                                "{\"sharing\": \"team\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/mail/accounts").body()).contains(membersAccount);
        assertThat(api.get("/api/v1/mail/accounts/" + membersAccount).statusCode())
                .isEqualTo(200);
        assertThat(memberApi.get(path).statusCode())
                .as("a member sees no one else's")
                .isEqualTo(404);
    }

    @Test
    void thePageShowsTheSettingsAndTheBlocklistFormRefusesBadEntries() {
        String id = connect(api);
        Browserless page = owner.session();
        HttpResponse<String> shown = page.page("/settings/mail/accounts/" + id);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Folders to sync", "INBOX", "Never sync mail from", "Test connection");
        assertThat(page.page("/settings/mail/accounts").body()).contains(id, "Connect another mailbox");

        HttpResponse<String> bad =
                page.postForm("/settings/mail/accounts/" + id + "/blocklist", Map.of("pattern", "nobody at all"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter an email address or a domain");
        HttpResponse<String> added =
                page.postForm("/settings/mail/accounts/" + id + "/blocklist", Map.of("pattern", "@Noise.Example"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(column("select pattern from mail_blocklist where account_id = :id", id, String.class))
                .containsExactly("noise.example");
        page.postForm("/settings/mail/accounts/" + id + "/blocklist/remove", Map.of("pattern", "noise.example"));
        assertThat(column("select count(*) from mail_blocklist where account_id = :id", id, Long.class))
                .containsExactly(0L);

        HttpResponse<String> saved = page.postFormPairs(
                "/settings/mail/accounts/" + id,
                List.of(
                        Map.entry("version", "2"),
                        Map.entry("sharing", "private"),
                        Map.entry("syncDays", "14"),
                        Map.entry("syncFolders", "INBOX"),
                        Map.entry("syncFolders", "Trash"),
                        Map.entry("signatureHtml", "<i>Ann</i>")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(column(
                        "select name from mail_folders where account_id = :id and sync order by name",
                        id,
                        String.class))
                .containsExactly("INBOX", "Trash");

        HttpResponse<String> tested = page.postForm("/settings/mail/accounts/" + id + "/test", Map.of());
        assertThat(tested.statusCode()).isEqualTo(200);
        assertThat(tested.body()).contains("The connection works");
    }
}
