package io.team365.imports.internal.read;

import io.team365.imports.internal.mapping.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The properties of one vCard gathered into the fixed import columns. */
final class VCardCard {

    static final int MAX_EACH = 5;

    static final List<String> COLUMNS = columns();

    private String first = "";
    private String last = "";
    private String formatted = "";
    private final List<VCardProperty> emails = new ArrayList<>();
    private final List<VCardProperty> phones = new ArrayList<>();
    private String company = "";
    private String title = "";
    private VCardProperty address;
    private String website = "";
    private String linkedin = "";
    private final Set<String> tags = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();

    void add(VCardProperty p) {
        switch (p.name()) {
            case "N" -> {
                List<String> n = p.components();
                last = n.get(0);
                first = n.size() > 1 ? n.get(1) : "";
            }
            case "FN" -> formatted = p.text();
            case "EMAIL" -> {
                if (!p.text().isEmpty()) {
                    emails.add(p);
                }
            }
            case "TEL" -> {
                if (!p.text().isEmpty()) {
                    phones.add(p);
                }
            }
            case "ORG" -> company = company.isEmpty() ? p.components().get(0) : company;
            case "TITLE" -> title = title.isEmpty() ? p.text() : title;
            case "ADR" -> {
                if (address == null || (p.pref() && !address.pref())) {
                    address = p;
                }
            }
            case "URL" -> url(p.text(), p.types().contains("linkedin"));
            case "X-SOCIALPROFILE", "X-LINKEDIN" -> {
                if (p.name().equals("X-LINKEDIN") || p.types().contains("linkedin") || isLinkedIn(p.text())) {
                    linkedin = linkedin.isEmpty() ? p.text() : linkedin;
                }
            }
            case "CATEGORIES" -> p.list().stream().filter(t -> !t.isEmpty()).forEach(tags::add);
            case "NOTE" -> {
                if (!p.text().isEmpty()) {
                    notes.add(p.text());
                }
            }
            default -> {}
        }
    }

    private void url(String url, boolean typedLinkedIn) {
        if (url.isEmpty()) {
            return;
        }
        if (typedLinkedIn || isLinkedIn(url)) {
            linkedin = linkedin.isEmpty() ? url : linkedin;
        } else if (website.isEmpty()) {
            website = url;
        }
    }

    private static boolean isLinkedIn(String url) {
        return url.toLowerCase(Locale.ROOT).contains("linkedin.");
    }

    List<String> values() {
        List<String> v = new ArrayList<>(COLUMNS.size());
        if (first.isEmpty() && last.isEmpty() && !formatted.isEmpty()) {
            Names.Split split = Names.split(formatted);
            v.add(split.first());
            v.add(split.last());
        } else {
            v.add(first);
            v.add(last);
        }
        addUpTo(v, emails, false);
        addUpTo(v, phones, true);
        v.add(company);
        v.add(title);
        List<String> adr = address == null ? List.of() : address.components();
        v.add(join(part(adr, 2), part(adr, 1), part(adr, 0)));
        v.add(part(adr, 3));
        v.add(part(adr, 4));
        v.add(part(adr, 5));
        v.add(part(adr, 6));
        v.add(website);
        v.add(linkedin);
        v.add(String.join(", ", tags));
        v.add(String.join("\n\n", notes));
        return v;
    }

    /** Preferred ones first, then in the order of the card. */
    private static void addUpTo(List<String> v, List<VCardProperty> props, boolean phone) {
        List<VCardProperty> sorted = new ArrayList<>(props);
        sorted.sort(Comparator.comparing(p -> !p.pref()));
        for (int i = 0; i < MAX_EACH; i++) {
            String value = i < sorted.size() ? sorted.get(i).text() : "";
            if (value.regionMatches(true, 0, phone ? "tel:" : "mailto:", 0, phone ? 4 : 7)) {
                value = value.substring(phone ? 4 : 7);
            }
            v.add(value);
        }
    }

    private static String part(List<String> components, int index) {
        return index < components.size() ? components.get(index) : "";
    }

    private static String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (!part.isEmpty()) {
                out.append(out.isEmpty() ? "" : ", ").append(part);
            }
        }
        return out.toString();
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("First name", "Last name"));
        for (int i = 1; i <= MAX_EACH; i++) {
            c.add("Email " + i);
        }
        for (int i = 1; i <= MAX_EACH; i++) {
            c.add("Phone " + i);
        }
        c.addAll(List.of(
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
                "Notes"));
        return List.copyOf(c);
    }
}
