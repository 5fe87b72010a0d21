package io.team365.leads.api;

import io.team365.contacts.Contact;
import io.team365.core.web.MergePatch;
import io.team365.leads.LeadFields;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** JSON merge patch (RFC 7396) on a lead's fields: a member sets a field, null clears it, absent leaves it. */
final class LeadPatch {

    private static final Set<String> FIELDS = Set.of(
            "firstName",
            "lastName",
            "emails",
            "phones",
            "jobTitle",
            "companyName",
            "ownerId",
            "tags",
            "source",
            "status",
            "unqualifiedReason",
            "customFields");

    private LeadPatch() {}

    static LeadFields apply(JsonNode body, LeadFields current, ObjectMapper json) {
        MergePatch patch = MergePatch.of(body, FIELDS, "lead", json);
        return new LeadFields(
                patch.text("firstName", current.firstName()),
                patch.text("lastName", current.lastName()),
                patch.value("emails", current.emails(), new TypeReference<List<Contact.Email>>() {}),
                patch.value("phones", current.phones(), new TypeReference<List<Contact.Phone>>() {}),
                patch.text("jobTitle", current.jobTitle()),
                patch.text("companyName", current.companyName()),
                patch.value("ownerId", current.ownerId(), new TypeReference<UUID>() {}),
                patch.value("tags", current.tags(), new TypeReference<List<String>>() {}),
                patch.text("source", current.source()),
                patch.text("status", current.status()),
                patch.text("unqualifiedReason", current.unqualifiedReason()),
                patch.merged("customFields", current.customFields()));
    }
}
