package io.team365.leads;

import io.team365.audit.AuditTrail;
import io.team365.core.BulkAction;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Bulk actions on leads, each lead changed through {@link LeadManagement} like a single edit; a converted lead, which
 * can no longer change, is reported as skipped.
 */
@Service
public class LeadBulkActions {

    private final LeadManagement leads;

    LeadBulkActions(LeadManagement leads) {
        this.leads = leads;
    }

    public BulkAction.Result apply(BulkAction action, AuditTrail.Actor actor) {
        return action.applyTo(new BulkAction.Target() {
            @Override
            public void trash(UUID id) {
                leads.trash(id, actor);
            }

            @Override
            public void assignOwner(UUID id, UUID owner) {
                leads.update(id, null, fields -> fields.withOwner(owner), actor);
            }

            @Override
            public void tag(UUID id, String tag, boolean add) {
                leads.update(id, null, fields -> fields.withTags(BulkAction.retagged(fields.tags(), tag, add)), actor);
            }
        });
    }
}
