package io.team365.contacts.internal;

import io.team365.contacts.Contact;
import io.team365.contacts.ContactChanged.FieldChange;
import io.team365.contacts.ContactFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which fields of a contact a change touched, with their old and new values: the field history. */
public final class FieldDiff {

    private FieldDiff() {}

    public static List<FieldChange> between(ContactFields before, ContactFields after) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "firstName", before, after, ContactFields::firstName);
        compare(changes, "lastName", before, after, ContactFields::lastName);
        compare(
                changes,
                "emails",
                before,
                after,
                f -> f.emails().stream().map(Contact.Email::address).collect(Collectors.joining(", ")));
        compare(
                changes,
                "phones",
                before,
                after,
                f -> f.phones().stream().map(Contact.Phone::number).collect(Collectors.joining(", ")));
        compare(changes, "jobTitle", before, after, ContactFields::jobTitle);
        compare(
                changes,
                "ownerId",
                before,
                after,
                f -> f.ownerId() == null ? null : f.ownerId().toString());
        compare(changes, "tags", before, after, f -> String.join(", ", f.tags()));
        compare(changes, "source", before, after, ContactFields::source);
        return changes;
    }

    private static void compare(
            List<FieldChange> changes,
            String field,
            ContactFields before,
            ContactFields after,
            Function<ContactFields, String> value) {
        String from = blankToNull(value.apply(before));
        String to = blankToNull(value.apply(after));
        if (!Objects.equals(from, to)) {
            changes.add(new FieldChange(field, from, to));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
