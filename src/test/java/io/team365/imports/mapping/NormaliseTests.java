package io.team365.imports.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.imports.internal.mapping.Normalise;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Values as exports write them, normalised for storage and de-duplication; bad ones come back empty. */
class NormaliseTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Ann.Lee@Example.COM|ann.lee@example.com",
                "  ann@example.com  |ann@example.com",
                "mailto:Ann@Example.com|ann@example.com",
                "MAILTO:ann@example.com?subject=Hi|ann@example.com",
                "<ann@example.com>|ann@example.com",
                "\"Lee, Ann\" <Ann@Example.com>|ann@example.com",
                "Ann Lee <ann+crm@example.co.uk>|ann+crm@example.co.uk",
                "jose@bücher.de|jose@xn--bcher-kva.de",
                "o'neil@example.ie|o'neil@example.ie"
            })
    void emailsAreLowerCasedAndUnwrapped(String raw, String expected) {
        assertThat(Normalise.email(raw)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "ann",
                "ann@",
                "@example.com",
                "ann@@example.com",
                "ann@bob@example.com",
                "ann@example",
                "ann@example.",
                "ann@-example.com",
                "ann@example-.com",
                "ann@exa mple.com",
                "ann..lee@example.com",
                ".ann@example.com",
                "ann.@example.com",
                "ann@example.123",
                "ann@192.168.0.1",
                "Ann Lee <ann@example.com",
                "ann lee@example.com",
                "ann@exa_mple.com"
            })
    void notEmailsAreEmpty(String raw) {
        assertThat(Normalise.email(raw)).isEmpty();
    }

    @Test
    void theLocalPartIsAtMost64Characters() {
        assertThat(Normalise.email("a".repeat(64) + "@example.com")).isPresent();
        assertThat(Normalise.email("a".repeat(65) + "@example.com")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "(650) 253-0000|US|+16502530000",
                "650.253.0000|US|+16502530000",
                "+1 650 253 0000|DE|+16502530000",
                "001 650 253 0000|DE|+16502530000",
                "030 12345678|DE|+493012345678",
                "+49 (0)30 12345678|US|+493012345678",
                "0170 1234567|de|+491701234567",
                "+44 20 7946 0958|US|+442079460958",
                "020 7946 0958|GB|+442079460958",
                "(650) 253-0000 ext. 123|US|+16502530000",
                "tel:+33-1-98-76-54-32|US|+33198765432",
                "1 (650) 253-0000|US|+16502530000",
                "+39 06 6982 1234|US|+390669821234",
                "06 6982 1234|IT|+390669821234",
                "+1 1 650 253 0000|US|+16502530000",
                "8 (912) 345-67-89|RU|+79123456789",
                "+41 44 668 18 00|DE|+41446681800"
            })
    void phonesBecomeE164(String raw, String region, String expected) {
        assertThat(Normalise.phone(raw, region)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {"12", "not a phone", "+1 000 000 0000", "555-0100", "+999 123 456 789", "0049 30", "+0 30 1234"})
    void notPhonesAreEmpty(String raw) {
        assertThat(Normalise.phone(raw, "US")).isEmpty();
    }

    @Test
    void aNationalNumberNeedsADefaultRegion() {
        assertThat(Normalise.phone("030 12345678", null)).isEmpty();
        assertThat(Normalise.phone("030 12345678", "")).isEmpty();
        assertThat(Normalise.phone("+49 30 12345678", null)).contains("+493012345678");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://www.Acme.com/about?x=1#top|acme.com",
                "http://acme.com:8080|acme.com",
                "www.acme.co.uk|acme.co.uk",
                "acme.com/|acme.com",
                "//cdn.acme.com/x|cdn.acme.com",
                "https://user:pw@shop.acme.com/|shop.acme.com",
                "HTTPS://BÜCHER.de|xn--bcher-kva.de",
                "acme.com.|acme.com"
            })
    void websitesBecomeBareDomains(String raw, String expected) {
        assertThat(Normalise.domainOfWebsite(raw)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"acme", "http://", "https://localhost:8080", "not a website", "http://-acme.com"})
    void notWebsitesAreEmpty(String raw) {
        assertThat(Normalise.domainOfWebsite(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ann@acme.com|acme.com",
                "Ann <ann@Sales.Acme.co.uk>|sales.acme.co.uk",
                "ann@gmail.com|",
                "ann@googlemail.com|",
                "ann@yahoo.co.uk|",
                "ann@yahoo.fr|",
                "ann@hotmail.de|",
                "ann@outlook.com|",
                "ann@live.com|",
                "ann@icloud.com|",
                "ann@me.com|",
                "ann@aol.com|",
                "ann@gmx.at|",
                "ann@web.de|",
                "ann@proton.me|",
                "ann@protonmail.com|",
                "ann@mail.ru|",
                "ann@yandex.ru|",
                "ann@qq.com|",
                "ann@163.com|",
                "not an email|"
            })
    void companyDomainsOfEmailsLeaveOutFreeMail(String email, String expected) {
        assertThat(Normalise.companyDomainOfEmail(email)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1234.50|1234.50",
                "1,234.50|1234.50",
                "1.234,50|1234.50",
                "€ 1 234|1234",
                "1 234,56 €|1234.56",
                "$1,234,567.89|1234567.89",
                "1.234.567|1234567",
                "1,234|1234",
                "12,5|12.5",
                "0,125|0.125",
                "USD 99|99",
                "1'234.50 CHF|1234.50",
                "-42|-42",
                "(12.00)|-12.00",
                ".5|0.5",
                "12 500,00|12500.00"
            })
    void amountsAsPeopleWriteThem(String raw, String expected) {
        assertThat(Normalise.amount(raw)).contains(new BigDecimal(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "twelve dollars", "1.2.3,4,5", "1-2", "12/31/2025", "--"})
    void notAmountsAreEmpty(String raw) {
        assertThat(Normalise.amount(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2025-03-31|2025-03-31",
                "2025-03-31T10:15:00Z|2025-03-31",
                "2025-03-31 10:15|2025-03-31",
                "2025/3/1|2025-03-01",
                "31.03.2025|2025-03-31",
                "1.3.2025|2025-03-01",
                "31/03/2025|2025-03-31",
                "03/31/2025|2025-03-31",
                "04/03/2025|2025-03-04",
                "31-03-2025|2025-03-31"
            })
    void datesAsExportsWriteThem(String raw, String expected) {
        assertThat(Normalise.date(raw)).contains(LocalDate.parse(expected));
    }

    @Test
    void anAmbiguousSlashDateIsMonthFirstOnlyWhenTheCallerSaysSo() {
        assertThat(Normalise.date("04/03/2025", true)).contains(LocalDate.of(2025, 4, 3));
        assertThat(Normalise.date("04/03/2025", false)).contains(LocalDate.of(2025, 3, 4));
        assertThat(Normalise.date("31/03/2025", true)).contains(LocalDate.of(2025, 3, 31));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"tomorrow", "2025-02-30", "31/31/2025", "13.13.2025", "2025-13-01", "31/03/25", "1/2"})
    void notDatesAreEmpty(String raw) {
        assertThat(Normalise.date(raw)).isEmpty();
    }
}
