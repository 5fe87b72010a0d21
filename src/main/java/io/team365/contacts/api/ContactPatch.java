package io.team365.contacts.api;

import io.team365.contacts.Contact;
import io.team365.contacts.ContactFields;
import io.team365.contacts.SocialLink;
import io.team365.core.PostalAddress;
import io.team365.core.web.MergePatch;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * JSON merge patch (RFC 7396) on a contact's fields: a member sets a field, null clears it, absent leaves it; the
 * nested {@code address} and {@code customFields} objects merge key by key.
 */
final class ContactPatch {

    private static final Set<String> FIELDS = Set.of(
            "firstName",
            "lastName",
            "emails",
            "phones",
            "jobTitle",
            "companyId",
            "ownerId",
            "tags",
            "source",
            "customFields",
            "address",
            "socialLinks");

    private static final Set<String> ADDRESS = Set.of("street", "city", "region", "postalCode", "country");

    private ContactPatch() {}

    static ContactFields apply(JsonNode body, ContactFields current, ObjectMapper json) {
        MergePatch patch = MergePatch.of(body, FIELDS, "contact", json);
        return new ContactFields(
                patch.text("firstName", current.firstName()),
                patch.text("lastName", current.lastName()),
                patch.value("emails", current.emails(), new TypeReference<List<Contact.Email>>() {}),
                patch.value("phones", current.phones(), new TypeReference<List<Contact.Phone>>() {}),
                patch.text("jobTitle", current.jobTitle()),
                patch.value("companyId", current.companyId(), new TypeReference<UUID>() {}),
                patch.value("ownerId", current.ownerId(), new TypeReference<UUID>() {}),
                patch.value("tags", current.tags(), new TypeReference<List<String>>() {}),
                patch.text("source", current.source()),
                patch.merged("customFields", current.customFields()),
                address(patch, current.address()),
                patch.value("socialLinks", current.socialLinks(), new TypeReference<List<SocialLink>>() {}));
    }

    /** The address merges part by part; null clears it all. */
    private static PostalAddress address(MergePatch patch, PostalAddress current) {
        return patch.object(
                "address",
                current,
                PostalAddress.empty(),
                ADDRESS,
                parts -> new PostalAddress(
                        parts.text("street", current.street()),
                        parts.text("city", current.city()),
                        parts.text("region", current.region()),
                        parts.text("postalCode", current.postalCode()),
                        parts.text("country", current.country())));
    }
}
