package io.team365.activities.internal;

import io.team365.activities.ActivityImports;
import io.team365.core.InvalidInput;
import io.team365.core.TenantId;
import io.team365.core.database.BulkRows;
import io.team365.core.database.Unnest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The set-based writes of imported notes to {@code activities} and {@code activity_links}. */
@Component
public class BulkNotes {

    private final JdbcClient jdbc;
    private final BulkRows rows;

    BulkNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new BulkRows(jdbc, "activities", "id uuid");
    }

    /**
     * The text as a note typed into the form becomes one (paragraphs, line breaks), with the form's limit on its
     * HTML and its subject from the first words. Not cleaned again: the text is escaped here, so the HTML holds only
     * paragraphs and line breaks, and a file's value is never taken for HTML.
     */
    public ActivityImports.Note note(String text) {
        String body = NoteHtml.fromPlainText(text == null ? null : text.replace("\0", ""));
        if (body == null) {
            return null;
        }
        if (body.length() > ActivityValidation.MAX_BODY) {
            throw InvalidInput.of("body", "validation.too-long", ActivityValidation.MAX_BODY);
        }
        String bodyText = NoteHtml.text(body);
        if (bodyText.isEmpty()) {
            return null;
        }
        return new ActivityImports.Note(ActivityValidation.subjectFrom(bodyText), body, bodyText);
    }

    /**
     * The notes and their links in one statement: the links' foreign key is checked at the statement's end, when
     * the notes of the same statement are there.
     */
    public void insert(TenantId tenant, List<ActivityImports.Draft> drafts, UUID owner) {
        Unnest notes = Unnest.of(
                "u", "id uuid", "subject text", "body text", "body_text text", "record_type text", "record_id uuid");
        for (ActivityImports.Draft d : drafts) {
            notes.add(d.id(), d.note().subject(), d.note().body(), d.note().bodyText(), d.recordType(), d.recordId());
        }
        jdbc.sql("with n as (insert into activities (tenant_id, id, type, subject, body, body_text, owner_id,"
                        + " created_by, updated_by) select :tenant, u.id, 'note', u.subject, u.body, u.body_text,"
                        + " :owner, :owner, :owner from " + notes.from() + ")"
                        + " insert into activity_links (tenant_id, activity_id, record_type, record_id, position)"
                        + " select :tenant, u.id, u.record_type, u.record_id, 0 from " + notes.from())
                .params(notes.params())
                .param("tenant", tenant.value())
                .param("owner", owner)
                .update();
    }

    public int trashUnchanged(Collection<UUID> ids, Instant unchangedSince, UUID by) {
        return rows.trashUnchanged(ids, unchangedSince, by);
    }
}
