package io.team365.contacts;

import io.team365.audit.AuditTrail;
import io.team365.core.BulkAction;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Bulk actions on contacts, each contact changed through {@link ContactManagement} like a single edit. */
@Service
public class ContactBulkActions {

    private final ContactManagement contacts;

    ContactBulkActions(ContactManagement contacts) {
        this.contacts = contacts;
    }

    public BulkAction.Result apply(BulkAction action, AuditTrail.Actor actor) {
        return action.applyTo(new BulkAction.Target() {
            @Override
            public void trash(UUID id) {
                contacts.trash(id, actor);
            }

            @Override
            public void assignOwner(UUID id, UUID owner) {
                contacts.update(id, null, fields -> fields.withOwner(owner), actor);
            }

            @Override
            public void tag(UUID id, String tag, boolean add) {
                contacts.update(
                        id, null, fields -> fields.withTags(BulkAction.retagged(fields.tags(), tag, add)), actor);
            }
        });
    }
}
