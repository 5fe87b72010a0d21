package io.team365.search.internal;

import static io.team365.core.personaldata.PersonalField.Category.CONTACT;
import static io.team365.core.personaldata.PersonalField.Category.IDENTITY;
import static io.team365.core.personaldata.PersonalField.Erasure.DELETE;
import static io.team365.core.personaldata.PersonalField.Retention.RECORD_LIFETIME;
import static io.team365.core.personaldata.SubjectRows.Relation.OWNED;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The search module keeps copies of names, emails, phones and domains as keys and in its index; they live and die with
 * their records (the database's triggers write and delete them with each change of a record).
 */
@Component
class SearchPersonalData implements PersonalDataDeclarations {

    private static final String FIND = "find records by what people type";

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of(
                        "record_keys",
                        "key",
                        CONTACT,
                        "find duplicates and exact search hits by email, phone or domain",
                        RECORD_LIFETIME,
                        DELETE),
                PersonalField.of("search_entries", "title", IDENTITY, FIND, RECORD_LIFETIME, DELETE),
                PersonalField.of("search_entries", "detail", CONTACT, FIND, RECORD_LIFETIME, DELETE),
                PersonalField.of("search_entries", "folded", IDENTITY, FIND, RECORD_LIFETIME, DELETE),
                PersonalField.of("search_terms", "term", IDENTITY, FIND, RECORD_LIFETIME, DELETE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("record_keys", "kind", "which kind of key (email, phone, domain)"),
                new NotPersonal("record_keys", "record_type", "the kind of record the key belongs to"),
                new NotPersonal("search_entries", "record_type", "the kind of record found"),
                new NotPersonal("search_entries", "currency", "a deal's currency code"),
                new NotPersonal("search_terms", "record_type", "the kind of record found"));
    }

    @Override
    public List<SubjectRows> subjectRows() {
        // derived from the records by triggers; deleted with them, and here too so a package lists them
        String theirs = "t.record_id = any(:contactIds) or t.record_id = any(:leadIds)";
        return List.of(
                new SubjectRows("record_keys", theirs, OWNED),
                new SubjectRows("search_entries", theirs, OWNED),
                new SubjectRows("search_terms", theirs, OWNED));
    }
}
