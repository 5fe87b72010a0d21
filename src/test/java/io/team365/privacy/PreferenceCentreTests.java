package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The public preference centre and one-click unsubscribe, checked in the consent ledger itself. */
class PreferenceCentreTests extends IntegrationTest {

    static final List<String> DEFAULTS =
            List.of("newsletter", "product-updates", "email-tracking", "event-updates", "partner-sharing");

    @Test
    void theSubjectSeesChangesAndUnsubscribesFromEverythingWithEvidenceAndNoCookie() {
        SignedUp owner = signUpAndVerify("Prefs Co");
        Browserless api = owner.session();
        UUID contact = contact(api, "Pia");
        grant(api, contact, "newsletter");
        HttpResponse<String> made = api.postJson("/api/v1/contacts/" + contact + "/preference-link", "{}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        assertThat(made.body())
                .contains("\"List-Unsubscribe\":\"<http://localhost:" + port + "/unsubscribe/")
                .contains("\"List-Unsubscribe-Post\":\"List-Unsubscribe=One-Click\"")
                .contains("\"expiresAt\"");
        String path = path(Browserless.jsonField(made.body(), "preferenceUrl"));
        assertThat(path(Browserless.jsonField(made.body(), "unsubscribeUrl")))
                .isEqualTo(path.replace("/preferences/", "/unsubscribe/"));

        PublicVisitor visitor = new PublicVisitor(port);
        HttpResponse<String> page = visitor.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie"))
                .as("no cookie at all")
                .isEmpty();
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(page.body())
                .contains("Newsletter", "Sharing with partners", "Unsubscribe from everything")
                .contains("name=\"granted\" value=\"newsletter\" checked")
                .doesNotContain("name=\"granted\" value=\"product-updates\" checked");

        HttpResponse<String> saved = visitor.post(path, form(DEFAULTS, List.of("product-updates")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(current(owner, contact))
                .containsEntry("newsletter", false)
                .containsEntry("product-updates", true)
                .doesNotContainKey("partner-sharing");
        assertThat(count(owner, contact, "preference-centre")).isEqualTo(2);
        String evidence = TenantContext.callAs(
                new TenantId(owner.tenantId()),
                null,
                () -> jdbc.sql(
                                "select evidence::text from consent_events where contact_id = ? and method = 'preference-centre'"
                                        + " limit 1")
                        .param(contact)
                        .query(String.class)
                        .single());
        assertThat(evidence)
                .containsPattern("\"ipHash\": \"[0-9a-f]{64}\"")
                .contains("\"page\": \"/preferences\"", "\"userAgent\": \"PreferenceTests/1.0\"", "\"time\"")
                .as("never the raw address")
                .doesNotContain("\"10.");
        assertThat(visitor.get(path + "?saved").body()).contains("Your choices are saved");

        visitor.post(path, form(DEFAULTS, List.of("product-updates")));
        assertThat(count(owner, contact, "preference-centre"))
                .as("saving the same again writes nothing")
                .isEqualTo(2);

        HttpResponse<String> unknown =
                visitor.post(path, form(List.of("newsletter", "spam"), List.of("newsletter", "spam")));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no longer offered");
        assertThat(count(owner, contact, "preference-centre"))
                .as("bad input changes nothing")
                .isEqualTo(2);

        visitor.post(path, "action=unsubscribe-all");
        assertThat(current(owner, contact)).containsOnlyKeys(DEFAULTS).doesNotContainValue(true);
        assertThat(count(owner, contact, "preference-centre")).isEqualTo(2 + 4);

        assertThat(api.patchJson("/api/v1/consent-purposes/event-updates", "{\"archived\":true}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(visitor.get(path).body())
                .as("archived purposes are not offered")
                .doesNotContain("Event updates");
        assertThat(api.page("/privacy/contacts/" + contact + "/consents-panel").body())
                .as("the contact page's panel keeps the archived purpose's state")
                .contains("Event updates", "Withdrawn", "preference centre");
    }

    @Test
    void oneClickUnsubscribeWithdrawsEveryMarketingPurposeOnceAndAGetChangesNothing() {
        SignedUp owner = signUpAndVerify("Unsub Co");
        Browserless api = owner.session();
        api.postJson(
                "/api/v1/consent-purposes",
                "{\"key\":\"service-notices\",\"label\":\"Service notices\",\"marketing\":false}");
        UUID contact = contact(api, "Uma");
        grant(api, contact, "newsletter");
        grant(api, contact, "service-notices");
        String path = path(Browserless.jsonField(
                api.postJson("/api/v1/contacts/" + contact + "/preference-link", "{}")
                        .body(),
                "unsubscribeUrl"));

        PublicVisitor scanner = new PublicVisitor(port);
        HttpResponse<String> confirm = scanner.get(path);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Unsubscribe?", "method=\"post\"", "List-Unsubscribe");
        assertThat(count(owner, contact, null))
                .as("a GET (a mail scanner) changes nothing")
                .isEqualTo(2);

        PublicVisitor provider = new PublicVisitor(port);
        HttpResponse<String> done = provider.post(path, "List-Unsubscribe=One-Click");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("You are unsubscribed");
        assertThat(done.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(count(owner, contact, "one-click-unsubscribe")).isEqualTo(5);
        assertThat(current(owner, contact))
                .containsEntry("newsletter", false)
                .containsEntry("partner-sharing", false)
                .as("not a marketing purpose")
                .containsEntry("service-notices", true);

        HttpResponse<String> again = provider.post(path, "List-Unsubscribe=One-Click");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(count(owner, contact, "one-click-unsubscribe"))
                .as("idempotent")
                .isEqualTo(5);
        assertThat(api.get("/api/v1/audit?recordId=" + contact).body()).contains("consent.withdrawn");
    }

    @Test
    void tamperedForeignAndExpiredLinksAreRefusedAndChangeNothing() {
        SignedUp owner = signUpAndVerify("Tamper Co");
        SignedUp stranger = signUpAndVerify("Tamper Stranger Co");
        Browserless api = owner.session();
        UUID contact = contact(api, "Tom");
        String token = path(Browserless.jsonField(
                        api.postJson("/api/v1/contacts/" + contact + "/preference-link", "{}")
                                .body(),
                        "preferenceUrl"))
                .substring("/preferences/".length());
        PublicVisitor visitor = new PublicVisitor(port);

        char last = token.charAt(token.length() - 5);
        String altered = token.substring(0, token.length() - 5)
                + (last == 'A' ? 'B' : 'A')
                + token.substring(token.length() - 4);
        for (String bad : List.of(altered, "abc", "not%20base64!", foreignTenant(token, stranger.tenantId()))) {
            HttpResponse<String> refused = visitor.get("/preferences/" + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(404);
            assertThat(refused.body()).contains("This link does not work");
            assertThat(visitor.post("/unsubscribe/" + bad, "List-Unsubscribe=One-Click")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(visitor.post("/preferences/" + bad, "action=unsubscribe-all")
                            .statusCode())
                    .isEqualTo(404);
        }
        assertThat(stranger.session()
                        .postJson("/api/v1/contacts/" + contact + "/preference-link", "{}")
                        .statusCode())
                .as("another Client's contact")
                .isEqualTo(404);
        assertThat(stranger.session()
                        .page("/privacy/contacts/" + contact + "/consents-panel")
                        .statusCode())
                .isEqualTo(404);

        try {
            clock.advance(Duration.ofDays(366));
            HttpResponse<String> expired = visitor.get("/preferences/" + token);
            assertThat(expired.statusCode()).isEqualTo(410);
            assertThat(expired.body()).contains("This link has expired");
            assertThat(visitor.post("/unsubscribe/" + token, "List-Unsubscribe=One-Click")
                            .statusCode())
                    .isEqualTo(410);
        } finally {
            clock.reset();
        }
        assertThat(count(owner, contact, null)).as("nothing was written").isZero();
        assertThat(visitor.get("/preferences/" + token).statusCode()).isEqualTo(200);
    }

    @Test
    void globalPrivacyControlAndDoNotTrackRecordAnObjectionOnceAndTheSubjectsOwnChoiceStands() {
        SignedUp owner = signUpAndVerify("Signal Co");
        Browserless api = owner.session();
        UUID contact = contact(api, "Gia");
        grant(api, contact, "partner-sharing");
        String path = path(Browserless.jsonField(
                api.postJson("/api/v1/contacts/" + contact + "/preference-link", "{}")
                        .body(),
                "preferenceUrl"));

        PublicVisitor gpc = new PublicVisitor(port, "Sec-GPC", "1");
        HttpResponse<String> page = gpc.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(page.body()).contains("Your browser asks not to be tracked (Sec-GPC: 1)");
        assertThat(current(owner, contact))
                .containsEntry("partner-sharing", false)
                .containsEntry("email-tracking", false)
                .doesNotContainKey("newsletter");
        assertThat(count(owner, contact, "browser-signal")).isEqualTo(2);
        assertThat(evidenceOf(owner, contact, "browser-signal")).contains("\"signal\": \"Sec-GPC: 1\"");
        gpc.get(path);
        assertThat(count(owner, contact, "browser-signal")).as("once").isEqualTo(2);

        HttpResponse<String> chosen = gpc.post(path, form(DEFAULTS, List.of("partner-sharing")));
        assertThat(chosen.statusCode()).isEqualTo(302);
        gpc.get(path);
        assertThat(current(owner, contact))
                .as("the subject's explicit choice on the page stands")
                .containsEntry("partner-sharing", true)
                .containsEntry("email-tracking", false);
        assertThat(count(owner, contact, "browser-signal")).isEqualTo(2);

        UUID other = contact(api, "Dan");
        api.postJson(
                "/api/v1/consents",
                "{\"contactId\":\"" + other
                        + "\",\"purpose\":\"email-tracking\",\"granted\":false,\"method\":\"api\"}");
        String unsubscribe = path(Browserless.jsonField(
                api.postJson("/api/v1/contacts/" + other + "/preference-link", "{}")
                        .body(),
                "unsubscribeUrl"));
        HttpResponse<String> confirm = new PublicVisitor(port, "DNT", "1").get(unsubscribe);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(count(owner, other, "browser-signal"))
                .as("only where not already withdrawn")
                .isEqualTo(1);
        assertThat(evidenceOf(owner, other, "browser-signal")).contains("\"signal\": \"DNT: 1\"");
        assertThat(count(owner, other, "one-click-unsubscribe"))
                .as("the GET still unsubscribes nobody")
                .isZero();

        HttpResponse<String> noSignal = new PublicVisitor(port).get(path);
        assertThat(noSignal.body()).doesNotContain("Your browser asks not to be tracked");

        PublicVisitor anyone = new PublicVisitor(port, "Sec-GPC", "1", "DNT", "1");
        HttpResponse<String> landing = anyone.get("/");
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.headers().allValues("Set-Cookie"))
                .as("a page without a form sets no cookie")
                .isEmpty();
        assertThat(landing.body()).doesNotContain("google-analytics", "googletagmanager", "fullstory");
        assertThat(anyone.get("/login").headers().allValues("Set-Cookie"))
                .as("only the session a sign-in form's CSRF token needs")
                .allSatisfy(
                        cookie -> assertThat(cookie).startsWith("T365SESSION=").contains("HttpOnly"));
    }

    @Test
    void theContactPageShowsConsentAndHandsMembersAWorkingPreferenceLink() {
        SignedUp owner = signUpAndVerify("Panel Co");
        Joined reader = inviteAndJoin(owner, "read-only");
        Browserless browser = owner.session();
        UUID contact = contact(browser, "Pam");
        grant(browser, contact, "newsletter");

        String panel =
                browser.page("/privacy/contacts/" + contact + "/consents-panel").body();
        assertThat(panel).contains("Consent", "Newsletter", "Granted", "Not asked", "Get preference link");
        HttpResponse<String> linked = browser.postForm("/privacy/contacts/" + contact + "/preference-link", Map.of());
        assertThat(linked.statusCode()).isEqualTo(200);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                        "value=\"http://localhost:\\d+(/preferences/[^\"]+)\"")
                .matcher(linked.body());
        assertThat(link.find()).as(linked.body()).isTrue();
        assertThat(linked.body()).contains("data-privacy-copy");
        assertThat(new PublicVisitor(port).get(link.group(1)).body())
                .contains("name=\"granted\" value=\"newsletter\" checked");

        assertThat(reader.session()
                        .page("/privacy/contacts/" + contact + "/consents-panel")
                        .body())
                .contains("Newsletter")
                .doesNotContain("Get preference link");
        assertThat(reader.session()
                        .postForm("/privacy/contacts/" + contact + "/preference-link", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(browser.postForm("/privacy/contacts/" + UUID.randomUUID() + "/preference-link", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(browser.get("/api/v1/audit?recordId=" + contact).body()).contains("consent.preference-link-issued");
    }

    static UUID contact(Browserless api, String name) {
        HttpResponse<String> created = api.postJson(
                "/api/v1/contacts",
                "{\"firstName\":\"" + name + "\",\"emails\":[{\"address\":\"" + name.toLowerCase()
                        + "@example.test\"}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(Browserless.jsonField(created.body(), "id"));
    }

    static void grant(Browserless api, UUID contact, String purpose) {
        HttpResponse<String> granted = api.postJson(
                "/api/v1/consents",
                "{\"contactId\":\"" + contact + "\",\"purpose\":\"" + purpose
                        + "\",\"granted\":true,\"method\":\"form\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
    }

    static String path(String url) {
        return url.substring(url.indexOf("/", "http://".length()));
    }

    static String form(List<String> shown, List<String> granted) {
        return shown.stream().map(k -> "shown=" + enc(k)).collect(Collectors.joining("&")) + "&"
                + granted.stream().map(k -> "granted=" + enc(k)).collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The newest entry per purpose, read from the ledger table. */
    Map<String, Boolean> current(SignedUp owner, UUID contact) {
        return TenantContext.callAs(
                new TenantId(owner.tenantId()),
                null,
                () -> jdbc
                        .sql("select distinct on (purpose) purpose, granted from consent_events where contact_id = ?"
                                + " order by purpose, recorded_at desc, id desc")
                        .param(contact)
                        .query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
                        .list()
                        .stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    int count(SignedUp owner, UUID contact, String method) {
        return TenantContext.callAs(
                new TenantId(owner.tenantId()),
                null,
                () -> jdbc.sql("select count(*) from consent_events where contact_id = :contact"
                                + " and (cast(:method as text) is null or method = :method)")
                        .param("contact", contact)
                        .param("method", method)
                        .query(Integer.class)
                        .single());
    }

    String evidenceOf(SignedUp owner, UUID contact, String method) {
        return TenantContext.callAs(
                new TenantId(owner.tenantId()),
                null,
                () -> jdbc.sql(
                                "select string_agg(evidence::text, ' ') from consent_events where contact_id = ? and method = ?")
                        .param(contact)
                        .param(method)
                        .query(String.class)
                        .single());
    }

    /** The same sealed part behind another Client's id: it must not decrypt under that Client's key. */
    static String foreignTenant(String token, UUID tenant) {
        byte[] raw = Base64.getUrlDecoder().decode(token);
        ByteBuffer.wrap(raw).putLong(tenant.getMostSignificantBits()).putLong(tenant.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
