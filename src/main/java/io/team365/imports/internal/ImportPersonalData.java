package io.team365.imports.internal;

import static io.team365.core.personaldata.PersonalField.Category.CONTACT;
import static io.team365.core.personaldata.PersonalField.Erasure.DELETE;
import static io.team365.core.personaldata.PersonalField.Retention.SHORT_LIVED;
import static io.team365.core.personaldata.SubjectRows.Relation.LINKED;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Imports keep the values of rejected rows (to give them back as CSV) until the import is deleted by retention
 * ({@code imports.finished}, 30 days by default); everything else is about the import, not about people.
 */
@Component
class ImportPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(PersonalField.of(
                "import_errors",
                "raw_values",
                CONTACT,
                "give the importing user the rows that were rejected, to correct them",
                SHORT_LIVED,
                DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("imports", "object", "contacts, companies, leads or deals"),
                new NotPersonal("imports", "file_name", "the name of the uploaded file, shown in the import list"),
                new NotPersonal("imports", "status", "a fixed status word"),
                new NotPersonal("imports", "on_duplicate", "skip, update or create"),
                new NotPersonal("imports", "mapping", "column numbers and field names"),
                new NotPersonal("imports", "columns", "the column headers of the file"),
                new NotPersonal("imports", "default_region", "a country code"),
                new NotPersonal("imports", "consent_basis", "a fixed word and a consent purpose key"),
                new NotPersonal("imports", "error_message", "a fixed message about the file"),
                new NotPersonal("import_errors", "reason", "field names and fixed messages, never the values"),
                new NotPersonal("import_created", "record_type", "a record type"),
                new NotPersonal("import_mappings", "name", "a mapping's name chosen by the Client"),
                new NotPersonal("import_mappings", "object", "contacts, companies, leads or deals"),
                new NotPersonal("import_mappings", "columns", "column headers and field names"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        return List.of(new SubjectRows("import_errors", "t.raw_values::text ilike any(:patterns)", LINKED));
    }
}
