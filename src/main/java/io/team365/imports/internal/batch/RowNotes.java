package io.team365.imports.internal.batch;

import io.team365.activities.ActivityImports;
import io.team365.core.Ids;
import io.team365.core.InvalidInput;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The notes column of a file: each record's notes become one note on the record it created or updated, stored by the
 * activities module as a person's note is. A note too long for the note form rejects its record whole, like any
 * other bad value. The notes' ids go to {@code import_created} so that undo trashes them too.
 */
@Component
class RowNotes {

    static final String FIELD = "notes";

    private final ActivityImports notes;
    private final Reasons reasons;

    RowNotes(ActivityImports notes, Reasons reasons) {
        this.notes = notes;
        this.reasons = reasons;
    }

    /**
     * The row's note: every column mapped to notes, in column order, a blank line between; null when none.
     *
     * @throws RowProblem when it is too long for a note
     */
    ActivityImports.Note of(MappedRow row) {
        if (!row.has(FIELD)) {
            return null;
        }
        try {
            return notes.note(String.join("\n\n", row.all(FIELD)));
        } catch (InvalidInput invalid) {
            InvalidInput.FieldError error = invalid.errors().getFirst();
            throw new RowProblem(FIELD + ": " + reasons.text(error.messageKey(), error.args()));
        }
    }

    static ActivityImports.Draft about(ActivityImports.Note note, String recordType, UUID recordId) {
        return new ActivityImports.Draft(Ids.newId(), note, recordType, recordId);
    }

    /** Inserts the batch's notes in one statement and names them among what the import created. */
    void insert(BatchContext context, List<ActivityImports.Draft> drafts, BatchResult result) {
        notes.insert(context.tenant(), drafts, context.owner());
        result.created(
                "activity", drafts.stream().map(ActivityImports.Draft::id).toList());
    }
}
