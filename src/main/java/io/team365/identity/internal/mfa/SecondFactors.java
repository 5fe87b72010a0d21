package io.team365.identity.internal.mfa;

import io.team365.identity.SignedInUser;
import io.team365.identity.internal.passkeys.Passkeys;
import org.springframework.stereotype.Component;

/**
 * What counts as "has a second factor": an authenticator app (TOTP) or a passkey. Either makes a password or single
 * sign-on owe a second step, and either satisfies a Client that requires two factors (ADR 0027, update).
 */
@Component
public class SecondFactors {

    private final Authenticators authenticators;
    private final Passkeys passkeys;

    SecondFactors(Authenticators authenticators, Passkeys passkeys) {
        this.authenticators = authenticators;
        this.passkeys = passkeys;
    }

    public boolean any(SignedInUser user) {
        return authenticators.enrolled(user) || passkeys.any(user);
    }

    public boolean totp(SignedInUser user) {
        return authenticators.enrolled(user);
    }

    public boolean passkey(SignedInUser user) {
        return passkeys.any(user);
    }
}
