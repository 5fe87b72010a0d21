package io.team365.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.PublicKeyCredential;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.test.authenticator.webauthn.NoneAttestationAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.client.ClientPlatform;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A device with a passkey authenticator (webauthn4j's emulator, which verifies its user), driven as passkeys.js drives
 * the browser's: Spring's options endpoints, the authenticator's answer, then the app's endpoints.
 */
public final class PasskeyDevice {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClientPlatform platform;

    public PasskeyDevice(int port) {
        this.platform = new ClientPlatform(
                new Origin("http://localhost:" + port),
                new WebAuthnAuthenticatorAdaptor(new NoneAttestationAuthenticator()));
    }

    /** Settings → Add a passkey, in a signed-in (recently confirmed) session; the app's answer. */
    public HttpResponse<String> register(Browserless session, String label) {
        HttpResponse<String> options = session.postJson("/webauthn/register/options", "");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        JsonNode o = JSON.readTree(options.body());
        var creation = new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity(
                        o.at("/rp/id").stringValue(), o.at("/rp/name").stringValue()),
                new PublicKeyCredentialUserEntity(
                        bytes(o.at("/user/id").stringValue()),
                        o.at("/user/name").stringValue(),
                        o.at("/user/displayName").stringValue()),
                new DefaultChallenge(bytes(o.get("challenge").stringValue())),
                List.of(new PublicKeyCredentialParameters(
                        PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256)),
                300_000L,
                List.of(),
                new AuthenticatorSelectionCriteria(
                        null, ResidentKeyRequirement.REQUIRED, UserVerificationRequirement.REQUIRED),
                AttestationConveyancePreference.NONE,
                null);
        PublicKeyCredential<AuthenticatorAttestationResponse, ?> credential = platform.create(creation);
        String rawId = base64Url(credential.getRawId());
        String body = """
                {"label":%s,"credential":{"id":"%s","rawId":"%s","type":"public-key",
                 "response":{"clientDataJSON":"%s","attestationObject":"%s","transports":["internal"]},
                 "clientExtensionResults":{},"authenticatorAttachment":"platform"}}
                """.formatted(
                        JSON.writeValueAsString(label),
                        rawId,
                        rawId,
                        base64Url(credential.getResponse().getClientDataJSON()),
                        base64Url(credential.getResponse().getAttestationObject()));
        return session.postJson("/settings/security/passkeys", body);
    }

    /**
     * "Use a passkey" on a page: options from {@code /webauthn/authenticate/options}, the assertion, posted to
     * {@code /login/webauthn} (with {@code ?next=} from the confirmation page, or none).
     */
    public HttpResponse<String> assertTo(Browserless browser, String loginPath) {
        HttpResponse<String> options = browser.postJsonFromPage("/webauthn/authenticate/options", "");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        return browser.postJsonFromPage(loginPath, assertion(options.body()));
    }

    private String assertion(String optionsJson) {
        JsonNode options = JSON.readTree(optionsJson);
        var request = new PublicKeyCredentialRequestOptions(
                new DefaultChallenge(bytes(options.get("challenge").stringValue())),
                300_000L,
                options.get("rpId").stringValue(),
                List.of(),
                UserVerificationRequirement.REQUIRED,
                null);
        PublicKeyCredential<AuthenticatorAssertionResponse, ?> credential = platform.get(request);
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

    private static byte[] bytes(String base64Url) {
        return Base64.getUrlDecoder().decode(base64Url);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
