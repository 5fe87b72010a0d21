package io.team365.identity.internal.passkeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps the registration options handed to the browser in its session until the answer comes back. Sessions live
 * in PostgreSQL (Spring Session JDBC, Java serialization) and Spring's options object is not serializable, so the
 * session holds a snapshot of what verifying the answer needs: relying party, user, challenge, algorithms, user
 * verification, and when they were handed out: after five minutes they are gone. Spring's options endpoint and our
 * registration endpoint both use this bean.
 */
@Component
public class SessionCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

    private static final String ATTRIBUTE = SessionCreationOptions.class.getName();

    private final Clock clock;
    private final ChallengeAge challenges;

    SessionCreationOptions(Clock clock, ChallengeAge challenges) {
        this.clock = clock;
        this.challenges = challenges;
    }

    record Snapshot(
            String rpId,
            String rpName,
            byte[] userHandle,
            String userName,
            String displayName,
            byte[] challenge,
            long[] algorithms,
            String residentKey,
            String userVerification,
            long timeoutMillis,
            Instant issuedAt)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    @Override
    public void save(
            HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
        if (options == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
            return;
        }
        AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
        request.getSession()
                .setAttribute(
                        ATTRIBUTE,
                        new Snapshot(
                                options.getRp().getId(),
                                options.getRp().getName(),
                                options.getUser().getId().getBytes(),
                                options.getUser().getName(),
                                options.getUser().getDisplayName(),
                                options.getChallenge().getBytes(),
                                options.getPubKeyCredParams().stream()
                                        .mapToLong(p -> p.getAlg().getValue())
                                        .toArray(),
                                selection.getResidentKey().getValue(),
                                selection.getUserVerification().getValue(),
                                options.getTimeout() == null
                                        ? 0
                                        : options.getTimeout().toMillis(),
                                clock.instant()));
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null
                || !(session.getAttribute(ATTRIBUTE) instanceof Snapshot snapshot)
                || challenges.expired(snapshot.issuedAt())) {
            return null;
        }
        return PublicKeyCredentialCreationOptions.builder()
                .rp(PublicKeyCredentialRpEntity.builder()
                        .id(snapshot.rpId())
                        .name(snapshot.rpName())
                        .build())
                .user(ImmutablePublicKeyCredentialUserEntity.builder()
                        .id(new Bytes(snapshot.userHandle()))
                        .name(snapshot.userName())
                        .displayName(snapshot.displayName())
                        .build())
                .challenge(new Bytes(snapshot.challenge()))
                .pubKeyCredParams(parameters(snapshot.algorithms()))
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.valueOf(snapshot.residentKey()))
                        .userVerification(userVerification(snapshot.userVerification()))
                        .build())
                .timeout(Duration.ofMillis(snapshot.timeoutMillis()))
                .build();
    }

    private static List<PublicKeyCredentialParameters> parameters(long[] algorithms) {
        List<PublicKeyCredentialParameters> known = List.of(
                PublicKeyCredentialParameters.EdDSA,
                PublicKeyCredentialParameters.ES256,
                PublicKeyCredentialParameters.ES384,
                PublicKeyCredentialParameters.ES512,
                PublicKeyCredentialParameters.RS256,
                PublicKeyCredentialParameters.RS384,
                PublicKeyCredentialParameters.RS512,
                PublicKeyCredentialParameters.RS1);
        return Arrays.stream(algorithms)
                .mapToObj(alg -> known.stream()
                        .filter(p -> p.getAlg().getValue() == alg)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("unknown algorithm " + alg)))
                .toList();
    }

    private static UserVerificationRequirement userVerification(String value) {
        return switch (value) {
            case "required" -> UserVerificationRequirement.REQUIRED;
            case "discouraged" -> UserVerificationRequirement.DISCOURAGED;
            default -> UserVerificationRequirement.PREFERRED;
        };
    }
}
