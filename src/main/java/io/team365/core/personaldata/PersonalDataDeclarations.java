package io.team365.core.personaldata;

import java.util.List;

/**
 * Implemented by each module, as a bean, for the tables it owns: which text columns hold personal data and which do
 * not. The registry gathers them; a test fails while any text column of the schema is in neither list.
 */
public interface PersonalDataDeclarations {

    List<PersonalField> personalFields();

    List<NotPersonal> notPersonal();

    /** How to find the rows of this module's tables that are about a data subject; see {@link SubjectRows}. */
    default List<SubjectRows> subjectRows() {
        return List.of();
    }
}
