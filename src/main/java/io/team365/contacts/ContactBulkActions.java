package io.team365.contacts;

import io.team365.audit.AuditTrail;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Bulk actions on contacts. Each contact changes in its own transaction through {@link ContactManagement}, so each
 * change is checked, audited and on the timeline like a single edit, and one record that cannot change (deleted
 * meanwhile, not visible, invalid owner) does not undo the others: it is reported as skipped.
 */
@Service
public class ContactBulkActions {

    private final ContactManagement contacts;

    ContactBulkActions(ContactManagement contacts) {
        this.contacts = contacts;
    }

    public BulkAction.Result apply(BulkAction requested, AuditTrail.Actor actor) {
        BulkAction action = requested.checked();
        int changed = 0;
        List<UUID> skipped = new ArrayList<>();
        for (UUID id : action.ids()) {
            try {
                switch (action.action()) {
                    case "delete" -> contacts.trash(id, actor);
                    case "assign-owner" ->
                        contacts.update(id, null, fields -> fields.withOwner(action.ownerId()), actor);
                    case "add-tag" -> contacts.update(id, null, fields -> withTag(fields, action.tag(), true), actor);
                    case "remove-tag" ->
                        contacts.update(id, null, fields -> withTag(fields, action.tag(), false), actor);
                    default -> throw new IllegalStateException(action.action());
                }
                changed++;
            } catch (NotFound | InvalidInput refused) {
                if (refused instanceof InvalidInput invalid
                        && invalid.errors().stream().anyMatch(e -> e.field().equals("ownerId"))) {
                    throw invalid; // the same owner is wrong for every record: say so once
                }
                skipped.add(id);
            }
        }
        return new BulkAction.Result(changed, List.copyOf(skipped));
    }

    private static ContactFields withTag(ContactFields fields, String tag, boolean add) {
        String normalised = tag.strip().toLowerCase(Locale.ROOT);
        List<String> tags = new ArrayList<>(fields.tags());
        tags.remove(normalised);
        if (add) {
            tags.add(normalised);
        }
        return fields.withTags(tags);
    }
}
