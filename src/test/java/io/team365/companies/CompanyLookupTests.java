package io.team365.companies;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.RecordLinks;
import io.team365.core.RecordRef;
import io.team365.core.TenantId;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** What other modules get from companies: {@code find}, {@code names} and the record lookup, within the Client. */
class CompanyLookupTests extends IntegrationTest {

    @Autowired
    CompanyManagement companies;

    @Autowired
    RecordLinks links;

    @Test
    void otherModulesFindVisibleCompaniesWithoutAuditingAPersonsLook() {
        SignedUp owner = signUpAndVerify("Lookup Co");
        UUID kept = UUID.fromString(id(owner.session(), "Kept Industries"));
        UUID trashed = UUID.fromString(id(owner.session(), "Trashed Traders"));
        owner.session().delete("/api/v1/companies/" + trashed);
        SignedUp other = signUpAndVerify("Other Lookup Co");
        UUID foreign = UUID.fromString(id(other.session(), "Foreign Firm"));

        asOwner(owner, () -> {
            assertThat(companies.find(kept)).map(Company::name).hasValue("Kept Industries");
            assertThat(companies.find(foreign)).as("another Client's company").isEmpty();
            assertThat(companies.find(null)).isEmpty();
            assertThat(companies.names(List.of(kept, trashed, foreign, kept)))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(kept, "Kept Industries", trashed, "Trashed Traders"));
            assertThat(companies.names(List.of())).isEmpty();
            assertThat(companies.count()).isEqualTo(1);
            assertThat(links.find("company", kept))
                    .hasValue(new RecordRef("company", kept, "Kept Industries", "/companies/" + kept));
            assertThat(links.find("company", foreign)).isEmpty();
            return null;
        });
        assertThat(owner.session().get("/api/v1/audit?recordId=" + kept).body())
                .contains("company.created")
                .doesNotContain("company.viewed");
    }

    private static String id(Browserless session, String name) {
        return Browserless.jsonField(
                session.postJson("/api/v1/companies", "{\"name\":\"" + name + "\"}")
                        .body(),
                "id");
    }

    private static void asOwner(SignedUp owner, Callable<Void> work) {
        SignedInUser user = new SignedInUser(
                owner.userId(), owner.email(), "Olive Owner", new TenantId(owner.tenantId()), Role.OWNER);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        try {
            TenantContext.callAs(user.tenant(), user.userId(), work);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
