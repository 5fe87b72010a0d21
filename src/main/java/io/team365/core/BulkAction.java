package io.team365.core;

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

    /** How one record type carries out each action, through its module's service (checked, audited, on the timeline). */
    public interface Target {
        void trash(UUID id);

        void assignOwner(UUID id, UUID owner);

        void tag(UUID id, String tag, boolean add);
    }

    /**
     * Runs the action on each record in turn. Each record changes on its own (its own transaction), so one that
     * cannot change (deleted meanwhile, not visible, invalid, locked such as a converted lead) does not undo the others: it is reported as skipped. An
     * owner who is not a member is wrong for every record, so that is refused once, naming {@code ownerId}.
     */
    public Result applyTo(Target target) {
        checked();
        int changed = 0;
        List<UUID> skipped = new java.util.ArrayList<>();
        for (UUID id : ids) {
            try {
                switch (action) {
                    case "delete" -> target.trash(id);
                    case "assign-owner" -> target.assignOwner(id, ownerId);
                    case "add-tag" -> target.tag(id, tag, true);
                    case "remove-tag" -> target.tag(id, tag, false);
                    default -> throw new IllegalStateException(action);
                }
                changed++;
            } catch (NotFound | InvalidInput | Conflict refused) {
                if (refused instanceof InvalidInput invalid
                        && invalid.errors().stream().anyMatch(e -> e.field().equals("ownerId"))) {
                    throw invalid;
                }
                skipped.add(id);
            }
        }
        return new Result(changed, List.copyOf(skipped));
    }

    /** The tags with {@code tag} (lower-cased) added or removed: what the add-tag and remove-tag actions do. */
    public static List<String> retagged(List<String> tags, String tag, boolean add) {
        String normalised = tag.strip().toLowerCase(java.util.Locale.ROOT);
        List<String> result = new java.util.ArrayList<>(tags);
        result.remove(normalised);
        if (add) {
            result.add(normalised);
        }
        return result;
    }
}
