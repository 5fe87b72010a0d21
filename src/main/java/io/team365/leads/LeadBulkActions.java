package io.team365.leads;

import io.team365.audit.AuditTrail;
import io.team365.contacts.BulkAction;
import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Bulk actions on leads, the same actions as on contacts. Each lead changes in its own transaction through
 * {@link LeadManagement}, so each change is checked, audited and on the timeline like a single edit; a lead that
 * cannot change (deleted meanwhile, not visible, converted) is reported as skipped and does not undo the others.
 */
@Service
public class LeadBulkActions {

    private final LeadManagement leads;

    LeadBulkActions(LeadManagement leads) {
        this.leads = leads;
    }

    public BulkAction.Result apply(BulkAction requested, AuditTrail.Actor actor) {
        BulkAction action = requested.checked();
        int changed = 0;
        List<UUID> skipped = new ArrayList<>();
        for (UUID id : action.ids()) {
            try {
                switch (action.action()) {
                    case "delete" -> leads.trash(id, actor);
                    case "assign-owner" -> leads.update(id, null, fields -> fields.withOwner(action.ownerId()), actor);
                    case "add-tag" -> leads.update(id, null, fields -> withTag(fields, action.tag(), true), actor);
                    case "remove-tag" -> leads.update(id, null, fields -> withTag(fields, action.tag(), false), actor);
                    default -> throw new IllegalStateException(action.action());
                }
                changed++;
            } catch (NotFound | InvalidInput | Conflict refused) {
                if (refused instanceof InvalidInput invalid
                        && invalid.errors().stream().anyMatch(e -> e.field().equals("ownerId"))) {
                    throw invalid; // the same owner is wrong for every record: say so once
                }
                skipped.add(id);
            }
        }
        return new BulkAction.Result(changed, List.copyOf(skipped));
    }

    private static LeadFields withTag(LeadFields fields, String tag, boolean add) {
        String normalised = tag.strip().toLowerCase(Locale.ROOT);
        List<String> tags = new ArrayList<>(fields.tags());
        tags.remove(normalised);
        if (add) {
            tags.add(normalised);
        }
        return fields.withTags(tags);
    }
}
