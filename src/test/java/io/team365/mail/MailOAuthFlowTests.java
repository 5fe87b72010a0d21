package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.team365.core.TenantId;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountStore;
import io.team365.mail.internal.account.MailConnectionFailed;
import io.team365.mail.internal.connect.MailLogin;
import io.team365.mail.internal.oauth.MailOAuthSettings;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Gmail and Microsoft 365 through the OAuth2 authorization code flow with PKCE, against a local fake of the
 * providers' documented endpoints: tokens sealed with the Client's key, refreshed when expired, a revoked consent
 * marks the account, disconnecting revokes the grant (Google) or forgets it (Microsoft).
 */
class MailOAuthFlowTests extends IntegrationTest {

    @Autowired
    MailOAuthSettings settings;

    @Autowired
    MailAccountStore store;

    private MailOAuthFakeProvider google;
    private MailOAuthFakeProvider microsoft;
    private final Map<String, String> saved = new java.util.HashMap<>();

    @BeforeEach
    void fakeProviders() {
        google = new MailOAuthFakeProvider("google");
        microsoft = new MailOAuthFakeProvider("microsoft");
        point(settings.getGoogle(), google, "google");
        point(settings.getMicrosoft(), microsoft, "microsoft");
    }

    @AfterEach
    void restore() {
        restore(settings.getGoogle(), "google");
        restore(settings.getMicrosoft(), "microsoft");
        google.close();
        microsoft.close();
        clock.reset();
    }

    private void point(MailOAuthSettings.Provider provider, MailOAuthFakeProvider fake, String name) {
        saved.put(name + ".authorize", provider.getAuthorizeUri());
        saved.put(name + ".token", provider.getTokenUri());
        saved.put(name + ".revoke", provider.getRevokeUri());
        provider.setClientId(MailOAuthFakeProvider.CLIENT_ID);
        provider.setClientSecret(MailOAuthFakeProvider.CLIENT_SECRET);
        provider.setAuthorizeUri(fake.base() + "/authorize");
        provider.setTokenUri(fake.base() + "/token");
        if (!provider.getRevokeUri().isBlank()) {
            provider.setRevokeUri(fake.base() + "/revoke");
        }
    }

    private void restore(MailOAuthSettings.Provider provider, String name) {
        provider.setClientId("");
        provider.setClientSecret("");
        provider.setAuthorizeUri(saved.get(name + ".authorize"));
        provider.setTokenUri(saved.get(name + ".token"));
        provider.setRevokeUri(saved.get(name + ".revoke"));
    }

    /** Starts the flow from the page, consents at the fake provider, and follows the redirect back. */
    private HttpResponse<String> connect(Browserless session, String provider, String email) {
        HttpResponse<String> start = session.postForm(
                "/settings/mail/accounts/oauth/" + provider, Map.of("email", email, "sharing", "private"));
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        String location = start.headers().firstValue("Location").orElseThrow();
        URI back = MailOAuthFakeProvider.consent(location);
        return session.get(back.getRawPath() + "?" + back.getRawQuery());
    }

    private static UUID accountOf(HttpResponse<String> done) {
        String location = done.headers().firstValue("Location").orElse("");
        assertThat(location).as("redirect after the callback").matches(".*/settings/mail/accounts/[0-9a-f-]{36}$");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private <T> T inTenant(SignedUp owner, Supplier<T> work) {
        return TenantContext.callAs(new TenantId(owner.tenantId()), owner.userId(), work::get);
    }

    private MailLogin login(SignedUp owner, UUID id) {
        return inTenant(owner, () -> store.login(store.find(id).orElseThrow()));
    }

    private byte[] column(SignedUp owner, String column, UUID id) {
        return inTenant(
                owner,
                () -> jdbc.sql("select " + column + " from mail_accounts where id = :id")
                        .param("id", id)
                        .query(byte[].class)
                        .single());
    }

    @Test
    void gmailConnectsWithPkceKeepsSealedTokensRefreshesThemAndRevokesOnDisconnect() {
        SignedUp owner = signUpAndVerify("Gmail Users");
        google.email = "Ann.Archer@gmail.example";
        HttpResponse<String> done = connect(owner.session(), "gmail", "");
        UUID id = accountOf(done);

        Map<String, String> asked = google.authorizeRequests.getFirst();
        assertThat(asked)
                .containsEntry("client_id", MailOAuthFakeProvider.CLIENT_ID)
                .containsEntry("response_type", "code")
                .containsEntry("scope", "https://mail.google.com/ openid email")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("access_type", "offline")
                .containsEntry("redirect_uri", "http://localhost:" + port + "/settings/mail/accounts/oauth/callback");
        assertThat(asked.get("state")).hasSizeGreaterThanOrEqualTo(43);
        Map<String, String> exchanged = google.tokenRequests.getFirst();
        assertThat(exchanged).containsEntry("grant_type", "authorization_code");
        assertThat(MailOAuthFakeProvider.challenge(exchanged.get("code_verifier")))
                .isEqualTo(asked.get("code_challenge"));

        MailAccount account = inTenant(owner, () -> store.find(id).orElseThrow());
        assertThat(account.provider()).isEqualTo(MailAccount.Provider.GMAIL);
        assertThat(account.email()).isEqualTo("ann.archer@gmail.example");
        assertThat(account.imap().host() + ":" + account.imap().port() + ":"
                        + account.imap().security())
                .isEqualTo("imap.gmail.com:993:SSL");
        assertThat(account.smtp().host() + ":" + account.smtp().port() + ":"
                        + account.smtp().security())
                .isEqualTo("smtp.gmail.com:465:SSL");
        String refresh = "refresh-google-";
        assertThat(new String(column(owner, "secret", id), StandardCharsets.ISO_8859_1))
                .doesNotContain(refresh);
        assertThat(new String(column(owner, "access_token", id), StandardCharsets.ISO_8859_1))
                .doesNotContain("access-google-");

        // a fresh token is used as it is; an expired one is refreshed first
        MailLogin first = login(owner, id);
        assertThat(first.oauth()).isTrue();
        assertThat(first.username()).isEqualTo("ann.archer@gmail.example");
        assertThat(first.secret()).isEqualTo(google.lastAccessToken());
        assertThat(google.tokenRequests).hasSize(1);
        clock.advance(Duration.ofHours(2));
        MailLogin second = login(owner, id);
        assertThat(google.tokenRequests).hasSize(2);
        assertThat(google.tokenRequests.get(1)).containsEntry("grant_type", "refresh_token");
        assertThat(second.secret()).isNotEqualTo(first.secret()).isEqualTo(google.lastAccessToken());
        assertThat(login(owner, id).secret()).isEqualTo(second.secret());
        assertThat(google.tokenRequests).hasSize(2);

        String grant = google.tokenRequests.get(1).get("refresh_token");
        HttpResponse<String> gone = apiClient(owner.session()).delete("/api/v1/mail/accounts/" + id);
        assertThat(gone.statusCode()).isEqualTo(204);
        assertThat(google.revoked).containsExactly(grant);
        assertThat(inTenant(
                        owner,
                        () -> jdbc.sql("select status || ':' || (secret is null) || ':' || (access_token is null)"
                                        + " from mail_accounts where id = :id")
                                .param("id", id)
                                .query(String.class)
                                .single()))
                .isEqualTo("disconnected:true:true");
    }

    @Test
    void aRevokedConsentMarksTheAccountAuthFailedUntilTheUserSignsInAgain() {
        SignedUp owner = signUpAndVerify("Revokers");
        google.email = "bob@gmail.example";
        UUID id = accountOf(connect(owner.session(), "gmail", "bob@gmail.example"));
        google.revokeEverything();
        clock.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> login(owner, id))
                .isInstanceOfSatisfying(
                        MailConnectionFailed.class,
                        failed -> assertThat(failed.messageKey()).isEqualTo("mail.accounts.error.oauth-revoked"));
        assertThat(inTenant(
                        owner,
                        () -> jdbc.sql("select status || ':' || last_error from mail_accounts where id = :id")
                                .param("id", id)
                                .query(String.class)
                                .single()))
                .isEqualTo("auth_failed:mail.accounts.error.oauth-revoked");
        assertThat(owner.session().page("/settings/mail/accounts/" + id).body())
                .contains("Access to this mailbox was revoked or has expired", "Sign in again");

        // signing in again connects the same account again
        UUID again = accountOf(connect(owner.session(), "gmail", "bob@gmail.example"));
        assertThat(again).isEqualTo(id);
        assertThat(inTenant(
                        owner,
                        () -> jdbc.sql("select status from mail_accounts where id = :id")
                                .param("id", id)
                                .query(String.class)
                                .single()))
                // back in the sync cycle: new, or already claimed by the sync worker (which cannot reach Google's
                // fixed IMAP host from a test and backs off), but no longer refused
                .isIn("new", "syncing", "error");
        assertThat(login(owner, id).secret()).isEqualTo(google.lastAccessToken());
    }

    @Test
    void microsoftAsksForTheAddressRotatesRefreshTokensAndIsForgottenOnDisconnect() {
        SignedUp owner = signUpAndVerify("Microsoft Users");
        HttpResponse<String> noAddress = owner.session()
                .postForm("/settings/mail/accounts/oauth/microsoft", Map.of("email", "", "sharing", "team"));
        assertThat(noAddress.headers().firstValue("Location").orElse("")).endsWith("/settings/mail/accounts");
        assertThat(microsoft.authorizeRequests).isEmpty();

        UUID id = accountOf(connect(owner.session(), "microsoft", "Carol@Contoso.example"));
        assertThat(microsoft.authorizeRequests.getFirst())
                .containsEntry(
                        "scope",
                        "https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send"
                                + " offline_access")
                .containsEntry("login_hint", "carol@contoso.example")
                .containsEntry("code_challenge_method", "S256");
        MailAccount account = inTenant(owner, () -> store.find(id).orElseThrow());
        assertThat(account.email()).isEqualTo("carol@contoso.example");
        assertThat(account.imap().host() + ":" + account.imap().port()).isEqualTo("outlook.office365.com:993");
        assertThat(account.smtp().host() + ":" + account.smtp().port() + ":"
                        + account.smtp().security())
                .isEqualTo("smtp.office365.com:587:STARTTLS");

        byte[] before = column(owner, "secret", id);
        clock.advance(Duration.ofHours(2));
        assertThat(login(owner, id).secret()).isEqualTo(microsoft.lastAccessToken());
        assertThat(column(owner, "secret", id))
                .as("the rotated refresh token is kept")
                .isNotEqualTo(before);

        assertThat(apiClient(owner.session())
                        .delete("/api/v1/mail/accounts/" + id + "?deleteMail=true")
                        .statusCode())
                .isEqualTo(204);
        assertThat(microsoft.revoked).isEmpty();
        assertThat(inTenant(
                        owner,
                        () -> jdbc.sql("select count(*) from mail_accounts where id = :id")
                                .param("id", id)
                                .query(Long.class)
                                .single()))
                .isZero();
    }

    @Test
    void aWrongOrReusedStateARefusalAndAMissingMailScopeConnectNothing() {
        SignedUp owner = signUpAndVerify("Careful Users");
        Browserless session = owner.session();

        HttpResponse<String> start = session.postForm("/settings/mail/accounts/oauth/gmail", Map.of("email", ""));
        URI back = MailOAuthFakeProvider.consent(
                start.headers().firstValue("Location").orElseThrow());
        String forged = back.getRawQuery().replaceFirst("state=[^&]+", "state=forged");
        HttpResponse<String> wrongState = session.get(back.getRawPath() + "?" + forged);
        assertThat(wrongState.headers().firstValue("Location").orElse("")).endsWith("/settings/mail/accounts");
        HttpResponse<String> reused = session.get(back.getRawPath() + "?" + back.getRawQuery());
        assertThat(reused.headers().firstValue("Location").orElse(""))
                .as("the pending sign-in is used once")
                .endsWith("/settings/mail/accounts");
        assertThat(session.page("/settings/mail/accounts").body()).contains("expired or was already used");

        HttpResponse<String> again = session.postForm("/settings/mail/accounts/oauth/gmail", Map.of("email", ""));
        String state = MailOAuthFakeProvider.parse(
                        URI.create(again.headers().firstValue("Location").orElseThrow())
                                .getRawQuery())
                .get("state");
        HttpResponse<String> refused =
                session.get("/settings/mail/accounts/oauth/callback?error=access_denied&state=" + state);
        assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/settings/mail/accounts");
        assertThat(session.page("/settings/mail/accounts").body())
                .contains("Team365 was not allowed to read and send mail");

        google.grantedScope = "openid email";
        HttpResponse<String> partial = connect(session, "gmail", "");
        assertThat(partial.headers().firstValue("Location").orElse("")).endsWith("/settings/mail/accounts");
        assertThat(google.revoked).hasSize(1);

        assertThat(inTenant(
                        owner,
                        () -> jdbc.sql("select count(*) from mail_accounts")
                                .query(Long.class)
                                .single()))
                .isZero();
    }

    @Test
    void configuredProvidersAreOfferedOnThePageButNotThroughThePasswordApi() {
        SignedUp owner = signUpAndVerify("Offered Users");
        assertThat(owner.session().page("/settings/mail/accounts").body())
                .contains("Connect Gmail", "Connect Microsoft 365");
        HttpResponse<String> api = apiClient(owner.session())
                .postJson("/api/v1/mail/accounts", "{\"provider\": \"gmail\", \"email\": \"x@gmail.example\"}");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("\"field\":\"provider\"", "by signing in on Settings");

        settings.getMicrosoft().setClientId("");
        HttpResponse<String> start = owner.session()
                .postForm("/settings/mail/accounts/oauth/microsoft", Map.of("email", "d@contoso.example"));
        assertThat(start.headers().firstValue("Location").orElse("")).endsWith("/settings/mail/accounts");
        assertThat(owner.session().page("/settings/mail/accounts").body())
                .contains("not set up on this Team365 server")
                .doesNotContain("Connect Microsoft 365");
    }
}
