package io.team365.imports.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.imports.internal.read.SourceRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vCards 2.1, 3.0 and 4.0 as phones, Google, Apple and Outlook write them, read into the fixed vCard columns. */
class VCardReadingTests {

    static final List<String> COLUMNS = List.of(
            "First name",
            "Last name",
            "Email 1",
            "Email 2",
            "Email 3",
            "Email 4",
            "Email 5",
            "Phone 1",
            "Phone 2",
            "Phone 3",
            "Phone 4",
            "Phone 5",
            "Company",
            "Job title",
            "Street",
            "City",
            "Region",
            "Postal code",
            "Country",
            "Website",
            "LinkedIn",
            "Tags",
            "Notes");

    @Test
    void version3WithFoldedLinesGroupsTypesEscapesAndAPhoto() throws Exception {
        Corpus.Read read = Corpus.read("contacts-v3.vcf");

        assertThat(read.columns()).isEqualTo(COLUMNS);
        assertThat(read.records()).hasSize(2).allMatch(SourceRecord::readable);
        assertThat(read.value(1, "First name")).isEqualTo("Ada");
        assertThat(read.value(1, "Last name")).isEqualTo("Lovelace");
        // the preferred address first, then in the order of the card, the grouped one included
        assertThat(read.record(1).values().subList(2, 7))
                .containsExactly("ada.home@example.org", "ada@engines.example", "ada.other@example.net", "", "");
        assertThat(read.record(1).values().subList(7, 12))
                .containsExactly("+44 20 7946 0958", "+44 20 7946 0000", "", "", "");
        assertThat(read.value(1, "Company")).isEqualTo("Analytical Engines Ltd");
        assertThat(read.value(1, "Job title")).isEqualTo("Chief Mathematician");
        assertThat(read.value(1, "Street")).isEqualTo("12 Babbage Street, Floor 2");
        assertThat(read.value(1, "City")).isEqualTo("London");
        assertThat(read.value(1, "Region")).isEqualTo("Greater London");
        assertThat(read.value(1, "Postal code")).isEqualTo("EC1A 1BB");
        assertThat(read.value(1, "Country")).isEqualTo("United Kingdom");
        assertThat(read.value(1, "Website")).isEqualTo("https://engines.example");
        assertThat(read.value(1, "LinkedIn")).isEqualTo("https://www.linkedin.com/in/adalovelace");
        assertThat(read.value(1, "Tags")).isEqualTo("Investors, VIP");
        assertThat(read.value(1, "Notes"))
                .isEqualTo("First programmer, wrote notes on the engine\nSecond line; with a semicolon and a backslash"
                        + " \\ here. This note is long enough to be folded over more than one line by the writer.");
        // the 200,000 characters of the photo are nowhere in the record
        assertThat(read.record(1).values()).allMatch(v -> v.length() < 300);
    }

    @Test
    void theFormattedNameIsSplitWhenTheStructuredNameIsEmpty() throws Exception {
        Corpus.Read read = Corpus.read("contacts-v3.vcf");

        assertThat(read.value(2, "First name")).isEqualTo("Grace Brewster");
        assertThat(read.value(2, "Last name")).isEqualTo("Hopper");
        assertThat(read.value(2, "Email 1")).isEqualTo("grace@navy.example");
        assertThat(read.value(2, "Phone 1")).isEqualTo("(202) 555-0142");
    }

    @Test
    void version4WithPrefParametersTelUrisQuotedParametersAndADataUriLogo() throws Exception {
        Corpus.Read read = Corpus.read("contacts-v4.vcf");

        assertThat(read.records()).hasSize(1).allMatch(SourceRecord::readable);
        assertThat(read.value(1, "First name")).isEqualTo("Marie");
        assertThat(read.value(1, "Last name")).isEqualTo("Curie");
        assertThat(read.value(1, "Email 1")).isEqualTo("marie@radium.example");
        assertThat(read.value(1, "Email 2")).isEqualTo("marie@home.example");
        assertThat(read.value(1, "Phone 1")).isEqualTo("+33-1-98-76-54-32");
        assertThat(read.value(1, "Phone 2")).isEqualTo("+33-1-23-45-67-89");
        assertThat(read.value(1, "Company")).isEqualTo("Institut du Radium");
        assertThat(read.value(1, "Street")).isEqualTo("1 rue Pierre et Marie Curie");
        assertThat(read.value(1, "Region")).isEqualTo("Île-de-France");
        assertThat(read.value(1, "Postal code")).isEqualTo("75005");
        assertThat(read.value(1, "Website")).isEqualTo("https://radium.example/");
        assertThat(read.value(1, "LinkedIn")).isEqualTo("https://www.linkedin.com/in/mariecurie");
        assertThat(read.value(1, "Tags")).isEqualTo("Science, Nobel");
        assertThat(read.record(1).values()).allMatch(v -> v.length() < 300);
    }

    @Test
    void version21QuotedPrintableWithCharsetsSoftLineBreaksAndAnIndentedPhoto() throws Exception {
        Corpus.Read read = Corpus.read("contacts-v21-qp.vcf");

        assertThat(read.records()).hasSize(2).allMatch(SourceRecord::readable);
        assertThat(read.value(1, "First name")).isEqualTo("Jürgen");
        assertThat(read.value(1, "Last name")).isEqualTo("Müller");
        assertThat(read.value(1, "Phone 1")).isEqualTo("+49 170 1234567");
        assertThat(read.value(1, "Phone 2")).isEqualTo("+49 30 1234567");
        assertThat(read.value(1, "Email 1")).isEqualTo("juergen@example.de");
        assertThat(read.value(1, "Street")).isEqualTo("Hauptstraße 1");
        assertThat(read.value(1, "City")).isEqualTo("Köln");
        assertThat(read.value(1, "Notes"))
                .isEqualTo("Sehr geschätzter Kunde, eine lange Notiz mit weichem Zeilenumbruch");
        // no CHARSET: the bytes are not UTF-8, so they are read as Windows-1252
        assertThat(read.value(2, "First name")).isEqualTo("Renée");
        assertThat(read.value(2, "Last name")).isEqualTo("Dupont");
        assertThat(read.value(2, "Email 1")).isEqualTo("renee@example.fr");
    }

    @Test
    void brokenCardsAreReportedAndReadingGoesOnAtTheNextCard() throws Exception {
        Corpus.Read read = Corpus.read("broken.vcf");

        assertThat(read.records()).extracting(SourceRecord::number).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(read.records())
                .extracting(SourceRecord::problem)
                .containsExactly(
                        null,
                        "the card that starts on line 6 has no END:VCARD",
                        null,
                        "line 19 is not a vCard property",
                        null,
                        "the card that starts on line 27 has no END:VCARD");
        assertThat(read.readable())
                .extracting(r -> r.values().get(2))
                .containsExactly("good1@example.com", "after@example.com", "last@example.com");
        assertThat(read.value(2, "Email 1")).isEqualTo("noend@example.com");
    }
}
