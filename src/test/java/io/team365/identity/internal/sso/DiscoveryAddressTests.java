package io.team365.identity.internal.sso;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.team365.core.InvalidInput;
import org.junit.jupiter.api.Test;

/**
 * An admin types the issuer and the server fetches it (SSRF): loopback, private and reserved addresses are refused
 * before anything is fetched, unless the deployment allows private ones; metadata addresses never.
 */
class DiscoveryAddressTests {

    private final Discovery publicOnly = new Discovery(true, false);
    private final Discovery lanAllowed = new Discovery(true, true);

    @Test
    void privateAndReservedIssuersAreRefusedBeforeAnyFetch() {
        for (String issuer : new String[] {
            "http://127.0.0.1:1",
            "http://10.1.2.3",
            "http://192.168.0.10:8443",
            "http://[::1]:9",
            "http://169.254.169.254"
        }) {
            assertThatThrownBy(() -> publicOnly.discover(issuer))
                    .as(issuer)
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e -> org.assertj.core.api.Assertions.assertThat(
                                            e.errors().getFirst().messageKey())
                                    .isEqualTo("sso.client.issuer-private"));
        }
    }

    @Test
    void aDeploymentMayAllowTheLanButNeverMetadata() {
        assertThatThrownBy(() -> lanAllowed.discover("http://127.0.0.1:1"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> org.assertj.core.api.Assertions.assertThat(
                                        e.errors().getFirst().messageKey())
                                .as("allowed, so it is fetched, and nothing listens there")
                                .isEqualTo("sso.client.issuer-unreachable"));
        assertThatThrownBy(() -> lanAllowed.discover("http://169.254.169.254"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> org.assertj.core.api.Assertions.assertThat(
                                        e.errors().getFirst().messageKey())
                                .isEqualTo("sso.client.issuer-private"));
    }
}
