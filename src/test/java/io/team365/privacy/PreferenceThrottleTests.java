package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Flooding the public preference pages, from one address or on one link, gets 429 and changes nothing; a one-click
 * unsubscribe still gets through.
 */
class PreferenceThrottleTests extends IntegrationTest {

    @Test
    void oneLinkFloodedFromManyAddressesIsThrottledAndNothingChanges() {
        SignedUp owner = signUpAndVerify("Flood Co");
        Browserless api = owner.session();
        UUID contact = PreferenceCentreTests.contact(api, "Flo");
        String unsubscribe = PreferenceCentreTests.path(Browserless.jsonField(
                api.postJson("/api/v1/contacts/" + contact + "/preference-link", "{}")
                        .body(),
                "unsubscribeUrl"));
        for (int i = 0; i < 20; i++) {
            assertThat(new PublicVisitor(port).get(unsubscribe).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> flooded = new PublicVisitor(port).get(unsubscribe);
        assertThat(flooded.statusCode()).isEqualTo(429);
        assertThat(flooded.headers().firstValue("Retry-After")).isPresent();
        assertThat(flooded.body()).contains("Too many requests", "Nothing was changed");
        assertThat(consentEntries(owner, contact)).isZero();

        HttpResponse<String> oneClick = new PublicVisitor(port).post(unsubscribe, "List-Unsubscribe=One-Click");
        assertThat(oneClick.statusCode())
                .as("a one-click unsubscribe is never lost to link scanners' fetches")
                .isEqualTo(200);
        assertThat(consentEntries(owner, contact)).isPositive();
    }

    private int consentEntries(SignedUp owner, UUID contact) {
        return TenantContext.callAs(
                new TenantId(owner.tenantId()),
                null,
                () -> jdbc.sql("select count(*) from consent_events where contact_id = ?")
                        .param(contact)
                        .query(Integer.class)
                        .single());
    }

    @Test
    void oneAddressTryingManyLinksIsThrottled() {
        PublicVisitor guesser = new PublicVisitor(port);
        int lastStatus = 0;
        for (int i = 0; i < 61; i++) {
            lastStatus = guesser.get("/preferences/guess" + i).statusCode();
            if (i < 60) {
                assertThat(lastStatus).isEqualTo(404);
            }
        }
        assertThat(lastStatus).isEqualTo(429);
        assertThat(new PublicVisitor(port).get("/preferences/guess0").statusCode())
                .as("another address is not held back")
                .isEqualTo(404);
    }
}
