package io.team365.files.web;

import io.team365.core.RecordRef;
import io.team365.core.web.FormErrors;
import io.team365.files.Attachment;
import java.util.List;
import java.util.UUID;

/**
 * What the files panel of a record shows.
 *
 * @param done what just happened ({@code attached}, {@code removed}, {@code restored}), or null
 * @param undo the attachment just removed, offered for restoring, or null
 * @param returnTo the page forms go back to when they are posted without JavaScript
 */
public record FilePanel(
        RecordRef record,
        List<Row> rows,
        FormErrors errors,
        String done,
        UUID undo,
        String returnTo,
        long maxSize,
        String maxSizeText) {

    /** One attachment as a row: its size and uploader as people read them. */
    public record Row(Attachment attachment, String size, String uploader, String kind) {}
}
