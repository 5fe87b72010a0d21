package io.team365.deals;

import io.team365.audit.AuditTrail;
import io.team365.core.BulkAction;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Bulk actions on deals, each deal changed through {@link DealManagement} like a single edit. */
@Service
public class DealBulkActions {

    private final DealManagement deals;

    DealBulkActions(DealManagement deals) {
        this.deals = deals;
    }

    public BulkAction.Result apply(BulkAction action, AuditTrail.Actor actor) {
        return action.applyTo(new BulkAction.Target() {
            @Override
            public void trash(UUID id) {
                deals.trash(id, actor);
            }

            @Override
            public void assignOwner(UUID id, UUID owner) {
                deals.update(id, null, fields -> fields.withOwner(owner), actor);
            }

            @Override
            public void tag(UUID id, String tag, boolean add) {
                deals.update(id, null, fields -> fields.withTags(BulkAction.retagged(fields.tags(), tag, add)), actor);
            }
        });
    }
}
