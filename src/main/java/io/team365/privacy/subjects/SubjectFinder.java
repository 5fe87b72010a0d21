package io.team365.privacy.subjects;

import io.team365.core.TenantId;
import io.team365.privacy.internal.SubjectRecords;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds a data subject's records by email (contacts and leads, in the trash too; never a member's own account, which
 * only its holder downloads or closes), and reads who they are from those records. Runs with the Client bound, so
 * row-level security keeps it to that Client.
 */
@Component
class SubjectFinder {

    private static final String BY_EMAIL =
            "exists (select 1 from jsonb_array_elements(t.emails) e where lower(e->>'address') = any(:emails))";

    private final JdbcClient jdbc;

    SubjectFinder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SubjectRecords find(TenantId tenant, String email) {
        String wanted = normalise(email);
        if (wanted == null) {
            return new SubjectRecords(List.of(), List.of(), List.of(), List.of());
        }
        String[] emails = {wanted};
        List<UUID> contacts = ids("contacts", emails);
        List<UUID> leads = ids("leads", emails);
        // every address on the records found is the subject's: mail to their second address is theirs too
        Set<String> all = new LinkedHashSet<>();
        all.add(wanted);
        all.addAll(emailsOf("contacts", contacts));
        all.addAll(emailsOf("leads", leads));
        // A request to a Client is about the Client's records of the person, never about a member's own account: that
        // (sessions, password, sign-ins across Clients) is theirs to download or close in their own settings.
        return new SubjectRecords(List.copyOf(all), contacts, leads, List.of());
    }

    /** The subject as their records spell them: names, emails and phones. */
    SubjectIdentity identify(TenantId tenant, SubjectRecords subject) {
        Set<String> fullNames = new LinkedHashSet<>();
        Set<String> parts = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        subject.emails().forEach(e -> emails.add(normalise(e)));
        for (String table : List.of("contacts", "leads")) {
            UUID[] ids = (table.equals("contacts") ? subject.contactIds() : subject.leadIds()).toArray(UUID[]::new);
            jdbc.sql("select first_name, last_name from " + table + " where id = any(:ids)")
                    .param("ids", ids)
                    .query((rs, n) -> {
                        name(rs.getString(1), rs.getString(2), fullNames, parts);
                        return null;
                    })
                    .list();
            emails.addAll(emailsOf(table, List.of(ids)));
            phones.addAll(jdbc.sql("select distinct p->>'number' from " + table
                            + " t, jsonb_array_elements(t.phones) p where t.id = any(:ids) and p->>'number' <> ''")
                    .param("ids", ids)
                    .query(String.class)
                    .list());
        }
        jdbc.sql("select name, email from users where id = any(:ids)")
                .param("ids", subject.userIds().toArray(UUID[]::new))
                .query((rs, n) -> {
                    String name = rs.getString(1);
                    int space = name.lastIndexOf(' ');
                    name(
                            space < 0 ? name : name.substring(0, space),
                            space < 0 ? null : name.substring(space + 1),
                            fullNames,
                            parts);
                    emails.add(rs.getString(2));
                    return null;
                })
                .list();
        emails.remove(null);
        return new SubjectIdentity(tenant, subject, fullNames, parts, emails, phones);
    }

    static String normalise(String email) {
        if (email == null || email.isBlank() || email.length() > 254 || !email.contains("@")) {
            return null;
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private List<UUID> ids(String table, String[] emails) {
        return jdbc.sql("select t.id from " + table + " t where " + BY_EMAIL + " order by t.created_at, t.id")
                .param("emails", emails)
                .query(UUID.class)
                .list();
    }

    private List<String> emailsOf(String table, List<UUID> ids) {
        return jdbc.sql("select distinct lower(e->>'address') from " + table
                        + " t, jsonb_array_elements(t.emails) e where t.id = any(:ids) and e->>'address' <> ''")
                .param("ids", ids.toArray(UUID[]::new))
                .query(String.class)
                .list();
    }

    private static void name(String first, String last, Set<String> fullNames, Set<String> parts) {
        String f = first == null ? "" : first.strip();
        String l = last == null ? "" : last.strip();
        if (!f.isEmpty() && !l.isEmpty()) {
            fullNames.add(f + " " + l);
        }
        // a name of one or two letters would match inside too much unrelated text
        if (f.length() > 2) {
            parts.add(f);
        }
        if (l.length() > 2) {
            parts.add(l);
        }
        // a record with one name only is searched for by it when it is long enough to be telling
        String only = f.isEmpty() ? l : f;
        if (f.isEmpty() != l.isEmpty() && only.length() >= 4) {
            fullNames.add(only);
        }
    }
}
