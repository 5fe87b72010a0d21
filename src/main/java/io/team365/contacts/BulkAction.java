package io.team365.contacts;

import io.team365.core.InvalidInput;
import java.util.List;
import java.util.UUID;

/**
 * One change applied to many selected records at once: assign an owner, add or remove a tag, or move them to the
 * trash. At most 200 records, a page's worth, per action.
 */
public record BulkAction(List<UUID> ids, String action, UUID ownerId, String tag) {

    public static final List<String> ACTIONS = List.of("assign-owner", "add-tag", "remove-tag", "delete");
    public static final int MAX_RECORDS = 200;

    public BulkAction {
        ids = ids == null ? List.of() : ids.stream().distinct().toList();
    }

    /** Refuses an action that cannot run, naming the field; says nothing yet about the records themselves. */
    public BulkAction checked() {
        if (ids.isEmpty()) {
            throw InvalidInput.of("ids", "bulk.none-selected");
        }
        if (ids.size() > MAX_RECORDS || ids.contains(null)) {
            throw InvalidInput.of("ids", "bulk.too-many", MAX_RECORDS);
        }
        if (action == null || !ACTIONS.contains(action)) {
            throw InvalidInput.of("action", "bulk.action-invalid");
        }
        if (action.equals("assign-owner") && ownerId == null) {
            throw InvalidInput.of("ownerId", "validation.required");
        }
        if ((action.equals("add-tag") || action.equals("remove-tag")) && (tag == null || tag.isBlank())) {
            throw InvalidInput.of("tag", "validation.required");
        }
        return this;
    }

    /** What happened: how many records changed, and the ones that could not be (gone, not visible, invalid). */
    public record Result(int changed, List<UUID> skipped) {}
}
