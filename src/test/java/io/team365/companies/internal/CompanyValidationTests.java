package io.team365.companies.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.team365.companies.Company;
import io.team365.companies.CompanyFields;
import io.team365.core.InvalidInput;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of a company's fields, without a server: domains, sizes, countries, web addresses, tags. */
class CompanyValidationTests {

    @ParameterizedTest
    @CsvSource({
        "https://www.Acme.com/about, acme.com",
        "acme.com, acme.com",
        "  ACME.COM.  , acme.com",
        "http://user@shop.acme.co.uk:8080/path?q=1#top, shop.acme.co.uk",
        "www.acme.io, acme.io",
        "acme.com/careers, acme.com",
        "münchen.de, xn--mnchen-3ya.de"
    })
    void domainsAreNormalised(String input, String expected) {
        assertThat(CompanyValidation.normalisedDomain(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"localhost", "acme", "a_b.com", "acme..com", "-acme.com", "10.0.0.1", "acme.c0m", "ac me.com"})
    void nonHostNamesAreRefused(String input) {
        assertThat(CompanyValidation.normalisedDomain(input)).isNull();
    }

    @Test
    void aDomainIsAtMost253Characters() {
        String label = "a".repeat(60);
        String longest = String.join(".", label, label, label, label, label) + ".com";
        assertThat(longest.length()).isGreaterThan(253);
        assertThat(CompanyValidation.normalisedDomain(longest)).isNull();
        assertThat(CompanyValidation.normalisedDomain("a".repeat(64) + ".com"))
                .as("63 per label")
                .isNull();
    }

    @Test
    void fieldsAreTidied() {
        UUID owner = UUID.randomUUID();
        CompanyFields checked = CompanyValidation.check(
                new CompanyFields(
                        "  Acme  ",
                        "HTTPS://WWW.ACME.COM",
                        " Retail ",
                        "1001-5000",
                        new Company.Address(" 5 Rue X ", "Paris", " ", null, "fr"),
                        null,
                        "https://acme.com/",
                        owner,
                        List.of("VIP", " vip ", "Retail"),
                        Map.of()),
                Set.of(owner));
        assertThat(checked.name()).isEqualTo("Acme");
        assertThat(checked.domain()).isEqualTo("acme.com");
        assertThat(checked.industry()).isEqualTo("Retail");
        assertThat(checked.address()).isEqualTo(new Company.Address("5 Rue X", "Paris", null, null, "FR"));
        assertThat(checked.tags()).containsExactly("vip", "retail");
        assertThat(checked.address().oneLine()).isEqualTo("5 Rue X, Paris, FR");
    }

    @Test
    void everyProblemIsNamed() {
        assertThatThrownBy(() -> CompanyValidation.check(
                        new CompanyFields(
                                null,
                                "nope",
                                null,
                                "10-20",
                                new Company.Address(null, "c".repeat(101), null, null, "ZZ"),
                                null,
                                "javascript:alert(1)",
                                UUID.randomUUID(),
                                List.of(""),
                                Map.of()),
                        Set.of()))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.errors())
                                .extracting(InvalidInput.FieldError::field)
                                .containsExactlyInAnyOrder(
                                        "name",
                                        "domain",
                                        "size",
                                        "address.city",
                                        "address.country",
                                        "website",
                                        "tags[0]",
                                        "ownerId"));
    }
}
