package io.team365.files.internal;

import static io.team365.core.personaldata.PersonalField.Category.*;
import static io.team365.core.personaldata.PersonalField.Erasure.*;
import static io.team365.core.personaldata.PersonalField.Retention.*;
import static io.team365.core.personaldata.SubjectRows.Relation.LINKED;
import static io.team365.core.personaldata.SubjectRows.Relation.OWNED;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/** Attachments: a file's name may name a person; its content is personal data of whoever it is about. */
@Component
class FilePersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of(
                        "attachments",
                        "file_name",
                        COMMUNICATION_CONTENT,
                        "show which file it is",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of(
                        "attachments",
                        "storage_key",
                        COMMUNICATION_CONTENT,
                        "find the stored content, which erasure deletes",
                        RECORD_LIFETIME,
                        DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("attachments", "content_type", "a media type"),
                new NotPersonal("attachments", "record_type", "the kind of record attached to"),
                new NotPersonal("attachments", "sha256", "a checksum of the content"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(
                // files on the subject's records; the purge event deletes their blobs
                new SubjectRows(
                        "attachments",
                        "(t.record_type = 'contact' and t.record_id = any(:contactIds))"
                                + " or (t.record_type = 'lead' and t.record_id = any(:leadIds))",
                        OWNED),
                // files elsewhere named after the subject
                new SubjectRows("attachments", "t.file_name ilike any(:patterns)", LINKED));
    }
}
