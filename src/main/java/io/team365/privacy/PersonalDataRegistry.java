package io.team365.privacy;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.personaldata.SubjectRows;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Every module's declarations of personal data, in one place: what erasure, export and retention work from. */
@Service
public class PersonalDataRegistry {

    private final List<PersonalField> personal;
    private final List<NotPersonal> notPersonal;
    private final List<SubjectRows> subjectRows;

    PersonalDataRegistry(List<PersonalDataDeclarations> declarations) {
        this.personal = declarations.stream()
                .flatMap(d -> d.personalFields().stream())
                .sorted(Comparator.comparing(PersonalField::table).thenComparing(PersonalField::column))
                .toList();
        this.notPersonal =
                declarations.stream().flatMap(d -> d.notPersonal().stream()).toList();
        this.subjectRows = declarations.stream()
                .flatMap(d -> d.subjectRows().stream())
                .sorted(Comparator.comparing(SubjectRows::table))
                .toList();
    }

    /** Where each module keeps rows about a data subject: what access packages and erasure work through. */
    public List<SubjectRows> subjectRows() {
        return subjectRows;
    }

    public List<PersonalField> personalFields() {
        return personal;
    }

    public List<PersonalField> personalFieldsOf(String table) {
        return personal.stream().filter(f -> f.table().equals(table)).toList();
    }

    /** {@code table.column} of every declared column, personal or not. */
    public Set<String> declaredColumns() {
        Set<String> declared =
                personal.stream().map(f -> f.table() + "." + f.column()).collect(Collectors.toSet());
        notPersonal.forEach(n -> declared.add(n.table() + "." + n.column()));
        return declared;
    }
}
