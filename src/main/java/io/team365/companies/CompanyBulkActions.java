package io.team365.companies;

import io.team365.audit.AuditTrail;
import io.team365.core.BulkAction;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Bulk actions on companies, each company changed through {@link CompanyManagement} like a single edit. */
@Service
public class CompanyBulkActions {

    private final CompanyManagement companies;

    CompanyBulkActions(CompanyManagement companies) {
        this.companies = companies;
    }

    public BulkAction.Result apply(BulkAction action, AuditTrail.Actor actor) {
        return action.applyTo(new BulkAction.Target() {
            @Override
            public void trash(UUID id) {
                companies.trash(id, actor);
            }

            @Override
            public void assignOwner(UUID id, UUID owner) {
                companies.update(id, null, fields -> fields.withOwner(owner), actor);
            }

            @Override
            public void tag(UUID id, String tag, boolean add) {
                companies.update(
                        id, null, fields -> fields.withTags(BulkAction.retagged(fields.tags(), tag, add)), actor);
            }
        });
    }
}
