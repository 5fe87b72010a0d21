package io.team365.operators.internal;

import static io.team365.core.personaldata.PersonalField.Category.*;
import static io.team365.core.personaldata.PersonalField.Erasure.*;
import static io.team365.core.personaldata.PersonalField.Retention.*;

import io.team365.core.personaldata.NotPersonal;
import io.team365.core.personaldata.PersonalDataDeclarations;
import io.team365.core.personaldata.PersonalField;
import java.util.List;
import org.springframework.stereotype.Component;

/** Operator grants and the law-enforcement register: free-text reasons and notes may name people. */
@Component
class OperatorsPersonalData implements PersonalDataDeclarations {

    @Override
    public List<PersonalField> personalFields() {
        return List.of(
                PersonalField.of(
                        "operator_grants",
                        "reason",
                        COMMUNICATION_CONTENT,
                        "account for why operators were let in (may name a person)",
                        AUDIT,
                        ANONYMISE),
                PersonalField.of(
                        "law_enforcement_requests",
                        "scope",
                        IDENTITY,
                        "record what an authority asked for (may name people)",
                        AUDIT,
                        ANONYMISE),
                PersonalField.of(
                        "law_enforcement_requests",
                        "notes",
                        COMMUNICATION_CONTENT,
                        "record how a request was handled",
                        AUDIT,
                        ANONYMISE));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("operator_grants", "scope", "a fixed name of a scope"),
                new NotPersonal("law_enforcement_requests", "authority", "the name of a public authority"),
                new NotPersonal("law_enforcement_requests", "legal_basis", "a cited law or order"),
                new NotPersonal("law_enforcement_requests", "decision", "a fixed word"));
    }
}
