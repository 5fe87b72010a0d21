package io.team365.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ClientRegistryTests extends IntegrationTest {

    @Autowired
    ClientManagement clients;

    @Test
    void jobsSeeEveryClientOnlyAsTheDeclaredRegistryWorker() {
        SignedUp one = signUpAndVerify("Registry One");
        SignedUp two = signUpAndVerify("Registry Two");
        assertThat(clients.allIds()).contains(new TenantId(one.tenantId()), new TenantId(two.tenantId()));
        assertThat(TenantContext.callAs(
                        new TenantId(one.tenantId()), null, () -> clients.find(new TenantId(two.tenantId()))))
                .as("one Client cannot look another up")
                .isEmpty();
    }
}
