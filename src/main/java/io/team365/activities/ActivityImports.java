package io.team365.activities;

import io.team365.activities.internal.BulkNotes;
import io.team365.core.InvalidInput;
import io.team365.core.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes written in bulk by an import: the notes column of a file's record becomes one note on the record it created
 * or updated, stored as a person's note on that record is (type note, HTML with a plain-text copy, linked to the
 * record, assigned to whoever imports). A whole batch per statement and no event per note: an import of a million
 * records cannot put a million entries through the event registry, and it records one summary of its own.
 */
@Service
public class ActivityImports {

    /** A note's text made into what a note stores, checked as the note form checks one. */
    public record Note(String subject, String body, String bodyText) {}

    /** A note to insert about one record. */
    public record Draft(UUID id, Note note, String recordType, UUID recordId) {}

    private final BulkNotes bulk;

    ActivityImports(BulkNotes bulk) {
        this.bulk = bulk;
    }

    /**
     * Plain text (a file's value, never HTML) as a note, or null when it has no text.
     *
     * @throws InvalidInput naming {@code body} when it is longer than a note may be
     */
    public Note note(String text) {
        return bulk.note(text);
    }

    /** Inserts the notes and their links, one statement for the whole batch, owned by {@code owner}. */
    @Transactional
    public void insert(TenantId tenant, List<Draft> drafts, UUID owner) {
        if (!drafts.isEmpty()) {
            bulk.insert(tenant, drafts, owner);
        }
    }

    /**
     * Moves to the trash those of the activities nobody changed after {@code unchangedSince} (an import's undo);
     * returns how many.
     */
    @Transactional
    public int trashUnchanged(Collection<UUID> ids, Instant unchangedSince, UUID by) {
        return bulk.trashUnchanged(ids, unchangedSince, by);
    }
}
