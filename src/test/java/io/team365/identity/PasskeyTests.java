package io.team365.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.PublicKeyCredential;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialDescriptor;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import com.webauthn4j.test.authenticator.webauthn.NoneAttestationAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.client.ClientPlatform;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys end to end over HTTP, with webauthn4j's authenticator emulator as the browser's authenticator: it answers
 * the options Spring Security's endpoints hand out, exactly as navigator.credentials would.
 */
class PasskeyTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A device with a passkey authenticator that can verify its user (screen lock), in a browser at an origin. */
    private static ClientPlatform device(String origin) {
        return new ClientPlatform(
                new Origin(origin), new WebAuthnAuthenticatorAdaptor(new NoneAttestationAuthenticator()));
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    @Test
    void registerListAndSignInWithoutAPasswordAsTheRightPersonInTheRightClient() {
        SignedUp owner = signUpAndVerify("Passkey Works");
        ClientPlatform laptop = device(origin());

        HttpResponse<String> added =
                register(owner.session(), laptop, "Work laptop", UserVerificationRequirement.REQUIRED);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String passkeyId = Browserless.jsonField(added.body(), "id");

        String page = owner.session().page("/settings/security/passkeys").body();
        assertThat(page).contains("Work laptop").contains("Never");
        assertThat(asUser(owner.userId(), "select count(*) from passkey_credentials where user_id = ?", owner.userId()))
                .as("stored for its owner")
                .isEqualTo(1);
        assertThat(asUser(
                        owner.userId(),
                        "select count(*) from passkey_credentials c join passkey_users p using (user_id, user_handle)"
                                + " where c.id = ? and p.user_id = ? and c.label = 'Work laptop'",
                        UUID.fromString(passkeyId),
                        owner.userId()))
                .isEqualTo(1);
        assertThat(inTenant(
                        owner.tenantId(),
                        "select count(*) from audit_events where action = 'passkey.registered' and target_id = ?",
                        passkeyId))
                .isEqualTo(1);

        Browserless stranger = client();
        HttpResponse<String> signedIn = signIn(stranger, laptop);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"redirectUrl\":\"/app\"");
        assertThat(stranger.page("/app").statusCode()).isEqualTo(200);
        String me = stranger.get("/api/v1/me").body();
        assertThat(Browserless.jsonField(me, "userId")).isEqualTo(owner.userId().toString());
        assertThat(me).contains(owner.tenantId().toString());
        assertThat(inTenant(
                        owner.tenantId(),
                        "select count(*) from audit_events where action = 'signin.passkey' and target_id = ?",
                        owner.userId().toString()))
                .isEqualTo(1);
        assertThat(owner.session().page("/settings/security/passkeys").body())
                .as("last use recorded")
                .doesNotContain(">Never<");
    }

    @Test
    void aMemberWhoBelongsToTwoClientsEntersTheOneUsedLastAndReadOnlyMayAddPasskeys() {
        SignedUp owner = signUpAndVerify("Passkey Readers");
        Joined reader = inviteAndJoin(owner, "read-only");
        ClientPlatform phone = device(origin());
        assertThat(register(reader.session(), phone, "Phone", UserVerificationRequirement.REQUIRED)
                        .statusCode())
                .isEqualTo(201);

        Browserless session = client();
        assertThat(signIn(session, phone).statusCode()).isEqualTo(200);
        String me = session.get("/api/v1/me").body();
        assertThat(Browserless.jsonField(me, "userId"))
                .isEqualTo(reader.userId().toString());
        assertThat(me).contains(owner.tenantId().toString()).contains("read-only");
    }

    @Test
    void aWrongOriginOrAMissingScreenLockIsRefusedAndNothingIsStored() {
        SignedUp owner = signUpAndVerify("Passkey Origins");
        ClientPlatform phishing = device("https://team365.example.evil");
        HttpResponse<String> fromElsewhere =
                register(owner.session(), phishing, "Phished", UserVerificationRequirement.REQUIRED);
        assertThat(fromElsewhere.statusCode()).isEqualTo(400);
        assertThat(fromElsewhere.headers().firstValue("Content-Type").orElse(""))
                .contains("problem+json");
        assertThat(fromElsewhere.body()).contains("could not be verified");

        ClientPlatform noLock = device(origin());
        HttpResponse<String> unverified =
                register(owner.session(), noLock, "No lock", UserVerificationRequirement.DISCOURAGED);
        assertThat(unverified.statusCode()).as("user verification is required").isEqualTo(400);
        assertThat(asUser(owner.userId(), "select count(*) from passkey_credentials where user_id = ?", owner.userId()))
                .isZero();

        // a passkey registered properly, then used from another origin
        ClientPlatform laptop = device(origin());
        assertThat(register(owner.session(), laptop, "Laptop", UserVerificationRequirement.REQUIRED)
                        .statusCode())
                .isEqualTo(201);
        laptop.setOrigin(new Origin("https://team365.example.evil"));
        Browserless stranger = client();
        assertThat(signIn(stranger, laptop).statusCode()).isEqualTo(401);
        assertThat(stranger.page("/app").statusCode()).as("not signed in").isEqualTo(302);
    }

    @Test
    void aReplayedOrStaleChallengeIsRefused() {
        SignedUp owner = signUpAndVerify("Passkey Replays");
        ClientPlatform laptop = device(origin());
        // the same registration twice: its options are used up by the first
        String options =
                owner.session().postJson("/webauthn/register/options", "").body();
        String body = registrationBody(laptop, options, "Laptop", UserVerificationRequirement.REQUIRED);
        assertThat(owner.session().postJson("/settings/security/passkeys", body).statusCode())
                .isEqualTo(201);
        HttpResponse<String> again = owner.session().postJson("/settings/security/passkeys", body);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("expired");

        // an assertion that signed in once cannot sign in again, in that session or another
        Browserless first = client();
        String assertion = assertion(
                laptop,
                first.postJsonFromPage("/webauthn/authenticate/options", "").body());
        assertThat(first.postJsonFromPage("/login/webauthn", assertion).statusCode())
                .isEqualTo(200);
        Browserless replaying = client();
        assertThat(replaying.postJsonFromPage("/login/webauthn", assertion).statusCode())
                .as("no options in this session")
                .isEqualTo(401);
        replaying.postJsonFromPage("/webauthn/authenticate/options", "");
        assertThat(replaying.postJsonFromPage("/login/webauthn", assertion).statusCode())
                .as("answers another challenge")
                .isEqualTo(401);

        // a challenge is good for one verification: after a refused answer, the right one finds nothing
        Browserless once = client();
        String onceOptions =
                once.postJsonFromPage("/webauthn/authenticate/options", "").body();
        String right = assertion(laptop, onceOptions);
        laptop.setOrigin(new Origin("https://elsewhere.example"));
        String fromElsewhere = assertion(laptop, onceOptions);
        laptop.setOrigin(new Origin(origin()));
        assertThat(once.postJsonFromPage("/login/webauthn", fromElsewhere).statusCode())
                .isEqualTo(401);
        assertThat(once.postJsonFromPage("/login/webauthn", right).statusCode()).isEqualTo(401);
        assertThat(once.page("/app").statusCode()).isEqualTo(302);

        // options older than their five minutes are gone, for sign-in and for registration
        Browserless late = client();
        String lateAnswer = assertion(
                laptop,
                late.postJsonFromPage("/webauthn/authenticate/options", "").body());
        String lateOptions =
                owner.session().postJson("/webauthn/register/options", "").body();
        String lateRegistration =
                registrationBody(device(origin()), lateOptions, "Late", UserVerificationRequirement.REQUIRED);
        clock.advance(Duration.ofMinutes(6));
        try {
            assertThat(late.postJsonFromPage("/login/webauthn", lateAnswer).statusCode())
                    .isEqualTo(401);
            HttpResponse<String> lateAdded = owner.session().postJson("/settings/security/passkeys", lateRegistration);
            assertThat(lateAdded.statusCode()).isEqualTo(400);
            assertThat(lateAdded.body()).contains("expired");
        } finally {
            clock.reset();
        }
        assertThat(late.page("/app").statusCode()).isEqualTo(302);
        assertThat(asUser(owner.userId(), "select count(*) from passkey_credentials where user_id = ?", owner.userId()))
                .isEqualTo(1);
    }

    @Test
    void anUnknownOrRemovedPasskeySignsNobodyIn() {
        SignedUp owner = signUpAndVerify("Passkey Removals");
        // the authenticator made a credential the server refused (wrong origin): the server does not know it
        ClientPlatform unknown = device("https://elsewhere.example");
        assertThat(register(owner.session(), unknown, "Unknown", UserVerificationRequirement.REQUIRED)
                        .statusCode())
                .isEqualTo(400);
        unknown.setOrigin(new Origin(origin()));
        assertThat(signIn(client(), unknown).statusCode()).isEqualTo(401);

        ClientPlatform key = device(origin());
        String id = Browserless.jsonField(
                register(owner.session(), key, "Key", UserVerificationRequirement.REQUIRED)
                        .body(),
                "id");
        HttpResponse<String> removed =
                owner.session().postForm("/settings/security/passkeys/" + id + "/remove", Map.of());
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(owner.session().page("/settings/security/passkeys").body())
                .doesNotContain(">Key<")
                .contains("No passkeys yet");
        assertThat(inTenant(
                        owner.tenantId(),
                        "select count(*) from audit_events where action = 'passkey.removed' and target_id = ?",
                        id))
                .isEqualTo(1);
        Browserless stranger = client();
        assertThat(signIn(stranger, key).statusCode()).isEqualTo(401);
        assertThat(stranger.page("/app").statusCode()).isEqualTo(302);
    }

    @Test
    void anotherPersonsPasskeyCannotBeRemovedOrRenamed() {
        SignedUp owner = signUpAndVerify("Passkey Neighbours");
        Joined member = inviteAndJoin(owner, "member");
        String id = Browserless.jsonField(
                register(owner.session(), device(origin()), "Owner's key", UserVerificationRequirement.REQUIRED)
                        .body(),
                "id");

        assertThat(member.session()
                        .postForm("/settings/security/passkeys/" + id + "/remove", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(member.session()
                        .postForm("/settings/security/passkeys/" + id + "/rename", Map.of("label", "Mine now"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(member.session().page("/settings/security/passkeys").body()).doesNotContain("Owner&#39;s key");
        assertThat(asUser(
                        owner.userId(),
                        "select count(*) from passkey_credentials where id = ? and label = ?",
                        UUID.fromString(id),
                        "Owner's key"))
                .isEqualTo(1);
        // nor through Spring's own delete endpoint, which is shut
        String credentialId = asUserText(
                owner.userId(), "select credential_id from passkey_credentials where id = ?", UUID.fromString(id));
        assertThat(member.session().delete("/webauthn/register/" + credentialId).statusCode())
                .isEqualTo(403);
        assertThat(owner.session().delete("/webauthn/register/" + credentialId).statusCode())
                .isEqualTo(403);
        assertThat(asUser(owner.userId(), "select count(*) from passkey_credentials where id = ?", UUID.fromString(id)))
                .isEqualTo(1);

        // renaming one's own: trimmed, checked
        assertThat(owner.session()
                        .postForm("/settings/security/passkeys/" + id + "/rename", Map.of("label", "  Desk key "))
                        .statusCode())
                .isEqualTo(302);
        assertThat(owner.session()
                        .postForm("/settings/security/passkeys/" + id + "/rename", Map.of("label", "x".repeat(101)))
                        .statusCode())
                .isEqualTo(422);
        assertThat(asUserText(
                        owner.userId(), "select label from passkey_credentials where id = ?", UUID.fromString(id)))
                .isEqualTo("Desk key");
    }

    @Test
    void badInputGetsAClear400AndChangesNothing() {
        SignedUp owner = signUpAndVerify("Passkey Inputs");
        HttpResponse<String> notJson = owner.session().postJson("/settings/security/passkeys", "{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not a passkey credential");
        HttpResponse<String> noCredential =
                owner.session().postJson("/settings/security/passkeys", "{\"label\":\"x\"}");
        assertThat(noCredential.statusCode()).isEqualTo(400);
        HttpResponse<String> wrongShape = owner.session()
                .postJson("/settings/security/passkeys", "{\"label\":\"x\",\"credential\":{\"rawId\":42,\"zap\":1}}");
        assertThat(wrongShape.statusCode()).isEqualTo(400);

        ClientPlatform laptop = device(origin());
        String options =
                owner.session().postJson("/webauthn/register/options", "").body();
        HttpResponse<String> noLabel = owner.session()
                .postJson(
                        "/settings/security/passkeys",
                        registrationBody(laptop, options, "", UserVerificationRequirement.REQUIRED));
        assertThat(noLabel.statusCode()).isEqualTo(400);
        assertThat(noLabel.body()).contains("\"field\":\"label\"");
        options = owner.session().postJson("/webauthn/register/options", "").body();
        HttpResponse<String> longLabel = owner.session()
                .postJson(
                        "/settings/security/passkeys",
                        registrationBody(laptop, options, "y".repeat(101), UserVerificationRequirement.REQUIRED));
        assertThat(longLabel.statusCode()).isEqualTo(400);
        assertThat(asUser(owner.userId(), "select count(*) from passkey_credentials where user_id = ?", owner.userId()))
                .isZero();

        Browserless anonymous = client();
        anonymous.postJsonFromPage("/webauthn/authenticate/options", "");
        HttpResponse<String> malformed = anonymous.postJsonFromPage("/login/webauthn", "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not a WebAuthn credential");
        assertThat(anonymous
                        .postJsonFromPage("/settings/security/passkeys", "{}")
                        .statusCode())
                .as("settings need a signed-in person")
                .isIn(302, 401, 403);
        assertThat(anonymous.postJsonFromPage("/webauthn/register/options", "").statusCode())
                .as("no registration options without a signed-in person")
                .isEqualTo(400);
    }

    @Test
    void aClientThatRequiresItsOwnSingleSignOnIsNotEnteredWithAPasskey() {
        SignedUp owner = signUpAndVerify("Passkey SSO Only");
        Joined member = inviteAndJoin(owner, "member");
        ClientPlatform memberPhone = device(origin());
        ClientPlatform ownerPhone = device(origin());
        assertThat(register(member.session(), memberPhone, "Phone", UserVerificationRequirement.REQUIRED)
                        .statusCode())
                .isEqualTo(201);
        assertThat(register(owner.session(), ownerPhone, "Phone", UserVerificationRequirement.REQUIRED)
                        .statusCode())
                .isEqualTo(201);
        TenantContext.runAs(
                new io.team365.core.TenantId(owner.tenantId()),
                null,
                () -> jdbc.sql("insert into sso_client_providers (tenant_id, issuer, client_id, client_secret,"
                                + " authorization_uri, token_uri, jwk_set_uri, require_sso, updated_at)"
                                + " values (?, 'https://idp.example.test', 'crm', '\\x00'::bytea,"
                                + " 'https://idp.example.test/a', 'https://idp.example.test/t',"
                                + " 'https://idp.example.test/k', true, now())")
                        .param(owner.tenantId())
                        .update());

        Browserless memberBrowser = client();
        HttpResponse<String> refused = signIn(memberBrowser, memberPhone);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("requires you to sign in with its single sign-on");
        assertThat(memberBrowser.get("/api/v1/me").statusCode())
                .as("not signed in")
                .isEqualTo(401);

        Browserless ownerBrowser = client();
        assertThat(signIn(ownerBrowser, ownerPhone).statusCode())
                .as("owners keep another way in (break-glass), as with a password")
                .isEqualTo(200);
        assertThat(ownerBrowser.get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void closingTheAccountRemovesItsPasskeys() {
        SignedUp owner = signUpAndVerify("Passkey Leavers");
        Joined member = inviteAndJoin(owner, "member");
        ClientPlatform phone = device(origin());
        assertThat(register(member.session(), phone, "Phone", UserVerificationRequirement.REQUIRED)
                        .statusCode())
                .isEqualTo(201);
        assertThat(asUser(member.userId(), "select count(*) from passkey_users where user_id = ?", member.userId()))
                .isEqualTo(1);

        HttpResponse<String> closed =
                member.session().postForm("/settings/account/close", Map.of("password", member.password()));
        assertThat(closed.statusCode()).isEqualTo(302);
        assertThat(asUser(member.userId(), "select count(*) from passkey_users where user_id = ?", member.userId()))
                .isZero();
        assertThat(asUser(
                        member.userId(), "select count(*) from passkey_credentials where user_id = ?", member.userId()))
                .isZero();
        assertThat(signIn(client(), phone).statusCode()).isEqualTo(401);
    }

    // ---- the browser's side ----

    /** Settings → Add a passkey: options from Spring's endpoint, the authenticator's answer, then our endpoint. */
    private HttpResponse<String> register(
            Browserless session, ClientPlatform device, String label, UserVerificationRequirement verification) {
        HttpResponse<String> options = session.postJson("/webauthn/register/options", "");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        return session.postJson(
                "/settings/security/passkeys", registrationBody(device, options.body(), label, verification));
    }

    private static String registrationBody(
            ClientPlatform device, String optionsJson, String label, UserVerificationRequirement verification) {
        JsonNode options = JSON.readTree(optionsJson);
        List<PublicKeyCredentialDescriptor> exclude = new ArrayList<>();
        options.path("excludeCredentials")
                .forEach(d -> exclude.add(new PublicKeyCredentialDescriptor(
                        PublicKeyCredentialType.PUBLIC_KEY, bytes(d.get("id").stringValue()), null)));
        var creation = new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity(
                        options.at("/rp/id").stringValue(),
                        options.at("/rp/name").stringValue()),
                new PublicKeyCredentialUserEntity(
                        bytes(options.at("/user/id").stringValue()),
                        options.at("/user/name").stringValue(),
                        options.at("/user/displayName").stringValue()),
                new DefaultChallenge(bytes(options.get("challenge").stringValue())),
                List.of(new PublicKeyCredentialParameters(
                        PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256)),
                300_000L,
                exclude,
                new AuthenticatorSelectionCriteria(
                        null, ResidentKeyRequirement.REQUIRED, UserVerificationRequirement.REQUIRED),
                AttestationConveyancePreference.NONE,
                null);
        PublicKeyCredential<AuthenticatorAttestationResponse, ?> credential = device.create(creation);
        String rawId = base64Url(credential.getRawId());
        return """
                {"label":%s,"credential":{"id":"%s","rawId":"%s","type":"public-key",
                 "response":{"clientDataJSON":"%s","attestationObject":"%s","transports":["internal"]},
                 "clientExtensionResults":{},"authenticatorAttachment":"platform"}}
                """.formatted(
                        JSON.writeValueAsString(label),
                        rawId,
                        rawId,
                        base64Url(credential.getResponse().getClientDataJSON()),
                        base64Url(
                                verification == UserVerificationRequirement.REQUIRED
                                        ? credential.getResponse().getAttestationObject()
                                        : withoutUserVerification(
                                                credential.getResponse().getAttestationObject())));
    }

    /** The sign-in page's "Sign in with a passkey": options, the authenticator's assertion, the sign-in post. */
    private static HttpResponse<String> signIn(Browserless browser, ClientPlatform device) {
        HttpResponse<String> options = browser.postJsonFromPage("/webauthn/authenticate/options", "");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        return browser.postJsonFromPage("/login/webauthn", assertion(device, options.body()));
    }

    private static String assertion(ClientPlatform device, String optionsJson) {
        JsonNode options = JSON.readTree(optionsJson);
        assertThat(options.get("userVerification").stringValue()).isEqualTo("required");
        var request = new PublicKeyCredentialRequestOptions(
                new DefaultChallenge(bytes(options.get("challenge").stringValue())),
                300_000L,
                options.get("rpId").stringValue(),
                List.of(),
                UserVerificationRequirement.REQUIRED,
                null);
        PublicKeyCredential<AuthenticatorAssertionResponse, ?> credential = device.get(request);
        String rawId = base64Url(credential.getRawId());
        AuthenticatorAssertionResponse response = credential.getResponse();
        return """
                {"id":"%s","rawId":"%s","type":"public-key",
                 "response":{"clientDataJSON":"%s","authenticatorData":"%s","signature":"%s","userHandle":"%s"},
                 "clientExtensionResults":{},"authenticatorAttachment":"platform"}
                """.formatted(
                        rawId,
                        rawId,
                        base64Url(response.getClientDataJSON()),
                        base64Url(response.getAuthenticatorData()),
                        base64Url(response.getSignature()),
                        base64Url(response.getUserHandle()));
    }

    /**
     * The emulator always verifies its user; an authenticator without a screen lock sends the same answer without
     * the UV flag. With "none" attestation nothing signs the registration's authenticator data, so clearing the bit
     * is exactly that answer.
     */
    private static byte[] withoutUserVerification(byte[] attestationObject) {
        var converter = new AttestationObjectConverter(new ObjectConverter());
        AttestationObject object = converter.convert(attestationObject);
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data = object.getAuthenticatorData();
        var unverified = new AuthenticatorData<>(
                data.getRpIdHash(),
                (byte) (data.getFlags() & ~AuthenticatorData.BIT_UV),
                data.getSignCount(),
                data.getAttestedCredentialData(),
                data.getExtensions());
        return converter.convertToBytes(new AttestationObject(unverified, object.getAttestationStatement()));
    }

    private static byte[] bytes(String base64Url) {
        return Base64.getUrlDecoder().decode(base64Url);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- SQL, under row-level security as the person or the Client ----

    private long asUser(UUID userId, String sql, Object... params) {
        return TenantContext.callAs(null, userId, () -> count(sql, params));
    }

    private String asUserText(UUID userId, String sql, Object... params) {
        return TenantContext.callAs(null, userId, () -> {
            var statement = jdbc.sql(sql);
            for (Object param : params) {
                statement = statement.param(param);
            }
            return statement.query(String.class).single();
        });
    }

    private long inTenant(UUID tenantId, String sql, Object... params) {
        return TenantContext.callAs(new io.team365.core.TenantId(tenantId), null, () -> count(sql, params));
    }

    private long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }
}
