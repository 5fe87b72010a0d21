package io.team365.imports.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.imports.ImportObject;
import io.team365.imports.internal.mapping.HeaderMapping;
import io.team365.imports.internal.read.ImportReaders;
import io.team365.imports.internal.read.RecordSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headers of real exports map to the right fields without the user touching the mapping. */
class HeaderMappingTests {

    @Test
    void googleContactsNewFormat() throws Exception {
        Map<String, String> mapped = mappedHeaders(ImportObject.CONTACTS, "google-contacts.csv");

        assertThat(mapped)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("First Name", "firstName"),
                        Map.entry("Last Name", "lastName"),
                        Map.entry("Organization Name", "company"),
                        Map.entry("Organization Title", "jobTitle"),
                        Map.entry("Notes", "notes"),
                        Map.entry("Labels", "tags"),
                        Map.entry("E-mail 1 - Value", "email"),
                        Map.entry("E-mail 2 - Value", "email"),
                        Map.entry("Phone 1 - Value", "phone"),
                        Map.entry("Phone 2 - Value", "phone"),
                        Map.entry("Address 1 - Street", "street"),
                        Map.entry("Address 1 - City", "city"),
                        Map.entry("Address 1 - Region", "region"),
                        Map.entry("Address 1 - Postal Code", "postalCode"),
                        Map.entry("Address 1 - Country", "country"),
                        Map.entry("Website 1 - Value", "website")));
    }

    @Test
    void googleContactsOldFormat() {
        List<String> headers = List.of(
                "Name",
                "Given Name",
                "Additional Name",
                "Family Name",
                "Notes",
                "Group Membership",
                "E-mail 1 - Type",
                "E-mail 1 - Value",
                "E-mail 2 - Type",
                "E-mail 2 - Value",
                "Phone 1 - Type",
                "Phone 1 - Value",
                "Organization 1 - Type",
                "Organization 1 - Name",
                "Organization 1 - Title",
                "Address 1 - Street",
                "Address 1 - City",
                "Address 2 - Street");

        Map<String, String> mapped = byHeader(headers, HeaderMapping.suggest(ImportObject.CONTACTS, headers));

        assertThat(mapped)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("Name", "fullName"),
                        Map.entry("Given Name", "firstName"),
                        Map.entry("Family Name", "lastName"),
                        Map.entry("Notes", "notes"),
                        Map.entry("Group Membership", "tags"),
                        Map.entry("E-mail 1 - Value", "email"),
                        Map.entry("E-mail 2 - Value", "email"),
                        Map.entry("Phone 1 - Value", "phone"),
                        Map.entry("Organization 1 - Name", "company"),
                        Map.entry("Organization 1 - Title", "jobTitle"),
                        Map.entry("Address 1 - Street", "street"),
                        Map.entry("Address 1 - City", "city")));
    }

    @Test
    void outlookKeepsTheHonorificTitleOutOfTheJobTitle() throws Exception {
        Map<String, String> mapped = mappedHeaders(ImportObject.CONTACTS, "outlook.csv");

        assertThat(mapped)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("First Name", "firstName"),
                        Map.entry("Last Name", "lastName"),
                        Map.entry("Company", "company"),
                        Map.entry("Job Title", "jobTitle"),
                        Map.entry("Business Street", "street"),
                        Map.entry("Business City", "city"),
                        Map.entry("Business State", "region"),
                        Map.entry("Business Postal Code", "postalCode"),
                        Map.entry("Business Country/Region", "country"),
                        Map.entry("Business Phone", "phone"),
                        Map.entry("Business Phone 2", "phone"),
                        Map.entry("Home Phone", "phone"),
                        Map.entry("Mobile Phone", "phone"),
                        Map.entry("Categories", "tags"),
                        Map.entry("E-mail Address", "email"),
                        Map.entry("E-mail 2 Address", "email"),
                        Map.entry("Notes", "notes"),
                        Map.entry("Web Page", "website")));
    }

    @Test
    void hubspotCompanies() throws Exception {
        Map<String, String> mapped = mappedHeaders(ImportObject.COMPANIES, "hubspot-companies.csv");

        assertThat(mapped)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("Company name", "name"),
                        Map.entry("Company Domain Name", "domain"),
                        Map.entry("Industry", "industry"),
                        Map.entry("Phone Number", "phone"),
                        Map.entry("Street Address", "street"),
                        Map.entry("City", "city"),
                        Map.entry("State/Region", "region"),
                        Map.entry("Postal Code", "postalCode"),
                        Map.entry("Country/Region", "country"),
                        Map.entry("Number of Employees", "size"),
                        Map.entry("Website URL", "website")));
    }

    @Test
    void hubspotContacts() {
        List<String> headers = List.of(
                "Record ID",
                "First Name",
                "Last Name",
                "Email",
                "Phone Number",
                "Mobile Phone Number",
                "Company Name",
                "Job Title",
                "Website URL",
                "Street Address",
                "City",
                "State/Region",
                "Postal Code",
                "Country/Region",
                "Lifecycle Stage",
                "Contact owner");

        Map<String, String> mapped = byHeader(headers, HeaderMapping.suggest(ImportObject.CONTACTS, headers));

        assertThat(mapped)
                .containsEntry("Email", "email")
                .containsEntry("Phone Number", "phone")
                .containsEntry("Mobile Phone Number", "phone")
                .containsEntry("Company Name", "company")
                .containsEntry("Job Title", "jobTitle")
                .containsEntry("Website URL", "website")
                .containsEntry("State/Region", "region")
                .containsEntry("Country/Region", "country")
                .doesNotContainKeys("Record ID", "Lifecycle Stage", "Contact owner");
    }

    @Test
    void salesforceLeads() throws Exception {
        Map<String, String> mapped = mappedHeaders(ImportObject.LEADS, "salesforce-leads.csv");

        assertThat(mapped)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("FirstName", "firstName"),
                        Map.entry("LastName", "lastName"),
                        Map.entry("Company", "company"),
                        Map.entry("Title", "jobTitle"),
                        Map.entry("Email", "email"),
                        Map.entry("Phone", "phone"),
                        Map.entry("MobilePhone", "phone"),
                        Map.entry("Street", "street"),
                        Map.entry("City", "city"),
                        Map.entry("State", "region"),
                        Map.entry("PostalCode", "postalCode"),
                        Map.entry("Country", "country"),
                        Map.entry("LeadSource", "source"),
                        Map.entry("Status", "status"),
                        Map.entry("Website", "website"),
                        Map.entry("Description", "notes")));
    }

    @Test
    void salesforceContactsAndOpportunities() {
        List<String> contacts = List.of(
                "FirstName",
                "LastName",
                "Account.Name",
                "MailingStreet",
                "MailingCity",
                "MailingState",
                "MailingPostalCode",
                "MailingCountry",
                "LeadSource");
        List<String> opportunities = List.of("Opportunity Name", "Account Name", "Amount", "Close Date", "Stage");

        assertThat(HeaderMapping.suggest(ImportObject.CONTACTS, contacts))
                .containsExactlyEntriesOf(indexed(
                        "firstName",
                        "lastName",
                        "company",
                        "street",
                        "city",
                        "region",
                        "postalCode",
                        "country",
                        "source"));
        assertThat(HeaderMapping.suggest(ImportObject.DEALS, opportunities))
                .containsExactlyEntriesOf(indexed("name", "company", "amount", "closeDate", "stage"));
    }

    @Test
    void zohoDealsAndContacts() throws Exception {
        Map<String, String> deals = mappedHeaders(ImportObject.DEALS, "zoho-deals.csv");
        List<String> contacts = List.of(
                "First Name",
                "Last Name",
                "Email",
                "Secondary Email",
                "Phone",
                "Mobile",
                "Account Name",
                "Title",
                "Mailing Street",
                "Mailing City",
                "Mailing State",
                "Mailing Zip",
                "Mailing Country",
                "Lead Source",
                "Email Opt Out");

        assertThat(deals)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("Deal Name", "name"),
                        Map.entry("Amount", "amount"),
                        Map.entry("Closing Date", "closeDate"),
                        Map.entry("Stage", "stage"),
                        Map.entry("Account Name", "company"),
                        Map.entry("Pipeline", "pipeline"),
                        Map.entry("Description", "notes")));
        assertThat(HeaderMapping.suggest(ImportObject.CONTACTS, contacts))
                .containsExactlyEntriesOf(indexed(
                        "firstName",
                        "lastName",
                        "email",
                        "email",
                        "phone",
                        "phone",
                        "company",
                        "jobTitle",
                        "street",
                        "city",
                        "region",
                        "postalCode",
                        "country",
                        "source"));
    }

    @Test
    void theVCardColumnsMapCompletely() throws Exception {
        Path file = Path.of(getClass().getResource("/imports/contacts-v4.vcf").toURI());
        List<String> columns;
        try (RecordSource source = ImportReaders.open(file, "contacts-v4.vcf")) {
            columns = source.columns();
        }

        Map<Integer, String> mapping = HeaderMapping.suggest(ImportObject.CONTACTS, columns);

        assertThat(mapping).hasSize(columns.size());
        assertThat(byHeader(columns, mapping))
                .containsEntry("First name", "firstName")
                .containsEntry("Email 5", "email")
                .containsEntry("Phone 3", "phone")
                .containsEntry("Job title", "jobTitle")
                .containsEntry("Postal code", "postalCode")
                .containsEntry("LinkedIn", "linkedin")
                .containsEntry("Tags", "tags");
    }

    @Test
    void headersAreComparedWithoutCaseSpacesPunctuationOrAccents() {
        List<String> headers = List.of("  FIRST_NAME ", "last-name", "e.mail", "Téléphone", "POSTAL code", "zip");

        assertThat(HeaderMapping.suggest(ImportObject.CONTACTS, headers))
                .containsExactlyEntriesOf(indexed("firstName", "lastName", "email", "phone", "postalCode"));
    }

    @Test
    void singleFieldsGoToTheFirstColumnOnlyAndUnknownHeadersStayUnmapped() {
        List<String> headers = List.of("City", "Home City", "Favourite colour", "", "Email", "Work Email");

        assertThat(HeaderMapping.suggest(ImportObject.CONTACTS, headers))
                .containsExactlyInAnyOrderEntriesOf(Map.of(0, "city", 4, "email", 5, "email"));
    }

    @Test
    void theSameHeaderMapsDifferentlyPerObject() {
        List<String> headers = List.of("Name", "Phone", "Website");

        assertThat(HeaderMapping.suggest(ImportObject.CONTACTS, headers))
                .containsExactlyEntriesOf(indexed("fullName", "phone", "website"));
        assertThat(HeaderMapping.suggest(ImportObject.COMPANIES, headers))
                .containsExactlyEntriesOf(indexed("name", "phone", "website"));
        assertThat(HeaderMapping.suggest(ImportObject.DEALS, headers))
                .containsExactlyInAnyOrderEntriesOf(Map.of(0, "name"));
    }

    @Test
    void customFieldsMatchByLabelOrKeyWhenNoStandardFieldDoes() {
        List<String> headers = List.of("Email", "Shoe size", "loyalty_tier", "Notes", "Anything else");
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("shoe_size", "Shoe Size");
        custom.put("loyaltyTier", "Loyalty tier");
        custom.put("remarks", "Notes");

        assertThat(HeaderMapping.suggest(ImportObject.CONTACTS, headers, custom))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(0, "email", 1, "custom.shoe_size", 2, "custom.loyaltyTier", 3, "notes"));
    }

    private static Map<String, String> mappedHeaders(ImportObject object, String file) throws Exception {
        Path path =
                Path.of(HeaderMappingTests.class.getResource("/imports/" + file).toURI());
        try (RecordSource source = ImportReaders.open(path, file)) {
            return byHeader(source.columns(), HeaderMapping.suggest(object, source.columns()));
        }
    }

    private static Map<String, String> byHeader(List<String> headers, Map<Integer, String> mapping) {
        Map<String, String> byHeader = new LinkedHashMap<>();
        mapping.forEach((i, target) -> byHeader.put(headers.get(i), target));
        return byHeader;
    }

    private static Map<Integer, String> indexed(String... targets) {
        Map<Integer, String> map = new LinkedHashMap<>();
        for (int i = 0; i < targets.length; i++) {
            map.put(i, targets[i]);
        }
        return map;
    }
}
