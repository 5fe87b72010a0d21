package io.team365.bench;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/** Realistic-looking values for the generator: names with accents, titles, tags, UUIDv7-like ids, dates. */
final class Synthetic {

    static final String[] FIRST_NAMES = {
        "Anna", "José", "François", "Zoë", "Søren", "Łukasz", "Chloé", "Mateo", "Émilie", "Jürgen", "Ines", "Björn",
        "Agnieszka", "Luca", "Sofía", "Noah", "Amélie", "Tomáš", "Hélène", "Oliver", "Ana", "João", "Mia", "Liam",
        "Dorothée", "Çağla", "Mehmet", "Elif", "Nikolaj", "Åsa", "Ólafur", "Siobhán", "Ciarán", "Priya", "Arjun",
        "Yuki", "Hiroshi", "Wei", "Mei", "Kwame", "Amara", "Fatima", "Omar", "Leïla", "Benoît", "Zsófia", "Márton",
        "Dagný", "Ingrid", "Raphaël", "Greta", "Paul", "Sarah", "David", "Laura", "Thomas", "Julia", "Peter", "Marie",
        "Michael", "Emma"
    };

    static final String[] LAST_NAMES = {
        "Müller", "García", "Nowak", "Dubois", "Smith", "Søndergaard", "Ødegaard", "Çelik", "Öztürk", "Kovačević",
        "Łukasiewicz", "Núñez", "O'Brien", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Martin", "Bernard", "Lefèvre", "Moreau", "Laurent", "Fernández", "López", "Martínez", "Sánchez", "Pérez",
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Kowalski", "Wiśniewski", "Wójcik", "Novák", "Dvořák",
        "Horváth", "Nagy", "Jensen", "Nielsen", "Hansen", "Johansson", "Andersson", "Virtanen", "Korhonen",
        "Murphy", "Kelly", "Walsh", "Jones", "Williams", "Brown", "Taylor", "Davies", "Evans", "Silva", "Santos",
        "Costa", "Oliveira", "Yılmaz", "Demir", "Papadopoulos", "Ivanov", "Petrov", "Sato", "Suzuki", "Takahashi",
        "Wang", "Li", "Zhang", "Chen", "Nguyen", "Tran", "Kim", "Park", "Singh", "Patel", "Mensah", "Okafor",
        "de la Cruz", "van der Berg", "MacDonald", "Mäkinen"
    };

    /** Prefixes of {@link #LAST_NAMES} the list benchmark filters on with {@code filter[lastName][starts]}. */
    static final String[] LAST_NAME_PREFIXES = {
        "Mü", "Gar", "Sch", "Ko", "Ma", "Wa", "Be", "Ni", "Ha", "Lo", "Pe", "Sa", "Da", "Jo", "O'", "Le", "Ro"
    };

    static final String[] JOB_TITLES = {
        "Chief Executive Officer", "Head of Sales", "Account Executive", "Marketing Manager", "CTO",
        "Software Engineer", "Procurement Lead", "Office Manager", "Directeur commercial", "Geschäftsführerin",
        "Responsable des achats", "Jefa de compras", "Product Manager", "Customer Success Manager", "CFO",
        "Buyer", "Operations Director", "Consultant", "Einkaufsleiter", "Sales Development Representative"
    };

    /** Contact tags with how often each appears (per mille); {@code customer} is the common one lists filter on. */
    static final String[] TAGS = {"customer", "newsletter", "prospect", "partner", "event-2025", "vip", "churned"};

    static final int[] TAG_PER_MILLE = {350, 250, 200, 50, 80, 30, 40};

    static final String[] SOURCES = {"web", "referral", "event", "import", "cold-call", "partner", "linkedin"};
    static final String[] INDUSTRIES = {
        "Software", "Manufacturing", "Retail", "Healthcare", "Finance", "Logistics", "Education", "Energy",
        "Hospitality", "Construction", "Media", "Agriculture"
    };
    static final String[] SIZES = {"1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001+"};
    static final String[] COMPANY_WORDS = {
        "Nord", "Sud", "Alpen", "Atlântico", "Bäckerei", "Café", "Société", "Maschinen", "Soluciones", "Logística",
        "Brücke", "Quelle", "Lumière", "Horizonte", "Stern", "Bright", "Blue", "Harbor", "Summit", "Pine", "Ríos",
        "Øresund", "Fjord", "Kraków", "Złoty", "Delta", "Vertex", "Nimbus", "Orbit", "Cedar"
    };
    static final String[] COMPANY_SUFFIXES = {"GmbH", "SA", "Ltd", "AG", "SARL", "S.L.", "Sp. z o.o.", "Inc.", "BV"};
    static final String[] COUNTRIES = {"DE", "FR", "ES", "PL", "IT", "GB", "US", "NL", "DK", "SE", "PT", "AT", "CH"};
    static final String[] CITIES = {
        "Berlin", "München", "Paris", "Lyon", "Madrid", "Sevilla", "Kraków", "Milano", "London", "New York",
        "Amsterdam", "København", "Göteborg", "Lisboa", "Wien", "Zürich"
    };
    static final String[] DEAL_WORDS = {
        "Renewal", "Expansion", "Pilot", "Licences", "Support contract", "Onboarding", "Upgrade", "Rollout"
    };

    static final long TWO_YEARS_MS = 730L * 24 * 3600 * 1000;

    private Synthetic() {}

    static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** ASCII for an email address: accents dropped, spaces and apostrophes removed. */
    static String ascii(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("ł", "l")
                .replace("Ł", "L")
                .replace("ø", "o")
                .replace("Ø", "O")
                .replace("ı", "i")
                .replaceAll("[^A-Za-z0-9-]", "")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * A UUIDv7-like id: the creation time in the first 48 bits (so ids sort roughly by creation like real ones), the
     * version and variant bits, and a sequence number in the low bits that makes every id of a table unique.
     */
    static UUID uuid7(long epochMillis, long sequence, SplittableRandom random) {
        long high = (epochMillis << 16) | 0x7000L | random.nextInt(0x1000);
        long low = 0x8000_0000_0000_0000L | ((random.nextLong() & 0x3FFFL) << 48) | (sequence & 0xFFFF_FFFF_FFFFL);
        return new UUID(high, low);
    }

    /** A creation time within the last two years, and an update time between it and now. */
    static Instant[] createdAndUpdated(SplittableRandom random, long now) {
        long created = now - (long) (random.nextDouble() * TWO_YEARS_MS);
        long updated = created + (long) (Math.pow(random.nextDouble(), 2) * (now - created));
        return new Instant[] {Instant.ofEpochMilli(created), Instant.ofEpochMilli(updated)};
    }
}
