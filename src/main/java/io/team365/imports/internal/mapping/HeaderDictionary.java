package io.team365.imports.internal.mapping;

import io.team365.imports.ImportObject;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The headers real exports use, per target field and object. Each line is {@code target: Header | Header | ~Weak};
 * headers are written as the exports spell them and compared by {@link HeaderMapping#key}. Numbered headers
 * ({@code E-mail 3 - Value}, {@code Phone 2}, {@code Address 1 - City}) are matched by pattern.
 */
final class HeaderDictionary {

    private static final String PERSON = """
            firstName: First Name | Given Name | FirstName | Forename | Vorname | Prénom | Nombre | ~First
            lastName: Last Name | Family Name | LastName | Surname | Nachname | Apellidos | ~Last | ~Nom
            fullName: Full Name | Display Name | Contact Name | Lead Name | ~Name | ~Contact
            email: Email | E-mail | Email Address | E-mail Address | Emails | Work Email | Home Email | Personal Email\
             | Other Email | Secondary Email | Primary Email | Business Email | Email Address 2 | Additional Email\
             | E-Mail-Adresse | Mail | Courriel
            phone: Phone | Phone Number | Telephone | Tel | Mobile | Mobile Phone | Mobile Phone Number | MobilePhone\
             | Business Phone | Business Phone 2 | Home Phone | Home Phone 2 | HomePhone | Other Phone | OtherPhone\
             | Primary Phone | Work Phone | Cell | Cell Phone | Company Main Phone | Direct Phone | Phone Numbers\
             | Telefon | Handy | Mobiltelefon | Téléphone | Phone (Work) | Phone (Mobile) | Phone (Home)
            jobTitle: Job Title | JobTitle | Organization Title | Organization 1 - Title | Position | Designation\
             | Job Position | Role | Berufsbezeichnung | Position (Job Title) | ~Title
            company: Company | Company Name | Organization | Organization Name | Organization 1 - Name | Organisation\
             | Account Name | Account.Name | Employer | Firma | Unternehmen | Associated Company | ~Account
            tags: Tags | Tag | Labels | Group Membership | Categories | Lists | Groups
            source: Source | Lead Source | LeadSource | Original Source | Contact Source
            street: Street | Street Address | Address Line 1 | Business Street | Home Street | Other Street\
             | Mailing Street | MailingStreet | Address 1 - Street | Straße | Strasse | ~Address | ~Address 1
            city: City | Town | Business City | Home City | Other City | Mailing City | MailingCity | Address 1 - City\
             | Ort | Stadt | Ville
            region: Region | State | State/Region | State/Province | Province | County | Business State | Home State\
             | Other State | Mailing State | MailingState | Address 1 - Region | Bundesland
            postalCode: Postal Code | PostalCode | Zip | Zip Code | ZIP/Postal Code | Postcode | Post Code\
             | Business Postal Code | Home Postal Code | Other Postal Code | Mailing Zip | Mailing Zip Code\
             | Mailing Postal Code | MailingPostalCode | Address 1 - Postal Code | PLZ | Postleitzahl | Code Postal
            country: Country | Country/Region | Business Country/Region | Home Country/Region | Other Country/Region\
             | Mailing Country | MailingCountry | Address 1 - Country | Land | Pays
            website: Website | Website URL | Web Site | Web Page | Personal Web Page | Homepage | URL | Web Address\
             | Website 1 - Value | Webseite
            linkedin: LinkedIn | LinkedIn URL | LinkedIn Profile | LinkedIn Profile URL | LinkedIn Bio | LinkedIn Page
            notes: Notes | Note | Description | Comments | Comment | Notizen | Bemerkungen
            """;

    private static final String LEAD_EXTRA = """
            status: Status | Lead Status | LeadStatus | Lead Stage
            """;

    private static final String COMPANY = """
            name: Company Name | Company | Account Name | Account.Name | Organization | Organization Name\
             | Organisation | Firma | Unternehmen | ~Name | ~Account
            domain: Domain | Company Domain Name | Company Domain | Domain Name | Email Domain
            website: Website | Website URL | Web Site | Web Page | Homepage | URL | Web Address
            industry: Industry | Sector | Branche
            size: Size | Company Size | Employees | Number of Employees | NumberOfEmployees | Employee Count\
             | Headcount | No. of Employees
            phone: Phone | Phone Number | Company Phone | Main Phone | Telephone | Business Phone | Telefon
            street: Street | Street Address | Address Line 1 | Billing Street | BillingStreet | Mailing Street\
             | Address 1 - Street | ~Address
            city: City | Town | Billing City | BillingCity | Address 1 - City | Ort | Stadt
            region: Region | State | State/Region | State/Province | Province | Billing State | BillingState\
             | Billing State/Province | Address 1 - Region
            postalCode: Postal Code | PostalCode | Zip | Zip Code | ZIP/Postal Code | Postcode | Billing Code\
             | Billing Zip | Billing Postal Code | BillingPostalCode | Address 1 - Postal Code | PLZ
            country: Country | Country/Region | Billing Country | BillingCountry | Address 1 - Country | Land
            tags: Tags | Tag | Labels | Categories
            notes: Notes | Note | Description | About | About Us | Comments
            """;

    private static final String DEAL = """
            name: Deal Name | Opportunity Name | Deal | Opportunity | Deal Title | Opportunity.Name | ~Name | ~Title
            amount: Amount | Deal Amount | Deal Value | Opportunity Amount | Value | ~Revenue
            currency: Currency | Currency Code | CurrencyIsoCode | Deal Currency | Opportunity Currency\
             | Deal Currency Code
            closeDate: Close Date | CloseDate | Closing Date | Expected Close Date | Expected Closing Date\
             | Close Date (Expected)
            pipeline: Pipeline | Deal Pipeline | Sales Pipeline
            stage: Stage | StageName | Deal Stage | Stage Name | Opportunity Stage | Sales Stage
            company: Company | Company Name | Account Name | Account.Name | Associated Company | Organization\
             | Organization Name | ~Account
            contactEmail: Contact Email | Contact E-mail | Primary Contact Email | Associated Contact Email\
             | Contact Email Address | ~Email | ~E-mail
            tags: Tags | Tag | Labels
            notes: Notes | Note | Description | Comments
            """;

    private static final List<Object[]> PERSON_PATTERNS = List.of(
            new Object[] {Pattern.compile("e?mail\\d+(value|address)?|emailaddress\\d+"), "email"},
            new Object[] {Pattern.compile("(phone|tel|mobile|mobilephone|businessphone|homephone)\\d+(value)?"), "phone"
            },
            new Object[] {Pattern.compile("organization\\d+name"), "company"},
            new Object[] {Pattern.compile("organization\\d+title"), "jobTitle"},
            new Object[] {Pattern.compile("address\\d+street"), "street"},
            new Object[] {Pattern.compile("address\\d+city"), "city"},
            new Object[] {Pattern.compile("address\\d+region"), "region"},
            new Object[] {Pattern.compile("address\\d+postalcode"), "postalCode"},
            new Object[] {Pattern.compile("address\\d+country"), "country"},
            new Object[] {Pattern.compile("website\\d+value"), "website"});

    private static final List<Object[]> COMPANY_PATTERNS = List.of(
            new Object[] {Pattern.compile("phone\\d+(value)?"), "phone"},
            new Object[] {Pattern.compile("address\\d+street"), "street"},
            new Object[] {Pattern.compile("address\\d+city"), "city"},
            new Object[] {Pattern.compile("address\\d+region"), "region"},
            new Object[] {Pattern.compile("address\\d+postalcode"), "postalCode"},
            new Object[] {Pattern.compile("address\\d+country"), "country"});

    private static final Map<ImportObject, HeaderDictionary> BY_OBJECT = new EnumMap<>(ImportObject.class);

    static {
        BY_OBJECT.put(ImportObject.CONTACTS, new HeaderDictionary(ImportObject.CONTACTS, PERSON, PERSON_PATTERNS));
        BY_OBJECT.put(
                ImportObject.LEADS, new HeaderDictionary(ImportObject.LEADS, PERSON + LEAD_EXTRA, PERSON_PATTERNS));
        BY_OBJECT.put(ImportObject.COMPANIES, new HeaderDictionary(ImportObject.COMPANIES, COMPANY, COMPANY_PATTERNS));
        BY_OBJECT.put(ImportObject.DEALS, new HeaderDictionary(ImportObject.DEALS, DEAL, List.of()));
    }

    private final Map<String, String> strong = new HashMap<>();
    private final Map<String, String> weak = new HashMap<>();
    private final List<Object[]> patterns;

    private HeaderDictionary(ImportObject object, String table, List<Object[]> patterns) {
        this.patterns = patterns;
        for (String line : table.strip().split("\n")) {
            int colon = line.indexOf(':');
            String target = line.substring(0, colon).strip();
            for (String header : line.substring(colon + 1).split("\\|")) {
                String h = header.strip();
                if (h.startsWith("~")) {
                    weak.putIfAbsent(HeaderMapping.key(h.substring(1)), target);
                } else {
                    strong.putIfAbsent(HeaderMapping.key(h), target);
                }
            }
        }
        // the target keys themselves (firstName, postalCode), as Team365's own exports write them
        for (String target : TargetFields.of(object)) {
            strong.putIfAbsent(HeaderMapping.key(target), target);
        }
    }

    static HeaderDictionary of(ImportObject object) {
        return BY_OBJECT.get(object);
    }

    /** The target of a header key among the strong headers (and patterns), or the weak ones; null when none. */
    String lookup(String key, boolean weakOnes) {
        if (key.isEmpty()) {
            return null;
        }
        if (weakOnes) {
            return weak.get(key);
        }
        String target = strong.get(key);
        if (target != null) {
            return target;
        }
        for (Object[] pattern : patterns) {
            if (((Pattern) pattern[0]).matcher(key).matches()) {
                return (String) pattern[1];
            }
        }
        return null;
    }
}
