package io.team365.privacy.subjects;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.privacy.internal.SubjectRecords;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** What scrubbing replaces inside shared text and JSON, and what it leaves alone. */
class ScrubberTests {

    private final ObjectMapper json = JsonMapper.builder().build();
    private final UUID contact = UUID.randomUUID();
    private final SubjectIdentity jane = new SubjectIdentity(
            new TenantId(UUID.randomUUID()),
            new SubjectRecords(List.of("jane.doe@example.test"), List.of(contact), List.of(), List.of()),
            Set.of("Jane Doe"),
            Set.of("Jane", "Doe"),
            Set.of("jane.doe@example.test"),
            Set.of("+44 20 7946 0958", "112"));
    private final Scrubber scrubber = new Scrubber(jane, true);

    @Test
    void namesEmailsAndPhonesGoWhateverTheirCaseOrSeparators() {
        assertThat(scrubber.text("Met JANE DOE (Jane.Doe@Example.test), call +44 (20) 7946-0958 or 020 7946 0958"))
                .isEqualTo("Met [erased] ([erased]), call [erased] or 020 7946 0958");
        assertThat(scrubber.text("Ask Jane, then Doe; 442079460958"))
                .isEqualTo("Ask [erased], then [erased]; [erased]");
    }

    @Test
    void inRowsFoundOnlyByTheirTextOtherPeopleKeepTheirNames() {
        Scrubber strongOnly = new Scrubber(jane, false);
        assertThat(strongOnly.text("Jane Doe and Jane Roe met John Doe"))
                .as("the full name goes; a namesake's first or last name stays")
                .isEqualTo("[erased] and Jane Roe met John Doe");
    }

    @Test
    void otherWordsAndNumbersStay() {
        assertThat(scrubber.text("Janet Doerr sent 4420794609581 on day 112"))
                .as("only whole names and whole numbers; phones under six digits are never searched")
                .isEqualTo("Janet Doerr sent 4420794609581 on day 112");
        assertThat(scrubber.text(null)).isNull();
    }

    @Test
    void jsonStaysJsonAndUntouchedJsonStaysAsItWas() {
        String document = "{\"name\":\"Jane Doe renewal\",\"to\":[\"jane.doe@example.test\",\"x\"],\"Jane Doe\":1,"
                + "\"n\":2,\"quote\":\"say \\\"hi\\\"\"}";
        String scrubbed = scrubber.json(json, document);
        assertThat(json.readTree(scrubbed).path("name").asString()).isEqualTo("[erased] renewal");
        assertThat(json.readTree(scrubbed).path("to").get(0).asString()).isEqualTo("[erased]");
        assertThat(json.readTree(scrubbed).has("[erased]")).isTrue();
        assertThat(json.readTree(scrubbed).path("quote").asString()).isEqualTo("say \"hi\"");
        String untouched = "{ \"a\" :  \"nobody\" }";
        assertThat(scrubber.json(json, untouched)).isSameAs(untouched);
        assertThat(scrubber.json(json, "\"Jane Doe\"")).isEqualTo("\"[erased]\"");
        assertThat(scrubber.json(json, "not json about Jane")).isEqualTo("not json about [erased]");
    }

    @Test
    void conditionPatternsEscapeWildcards() {
        SubjectIdentity underscored = new SubjectIdentity(
                jane.tenant(), jane.records(), Set.of(), Set.of(), Set.of("a_b%c@example.test"), Set.of());
        assertThat(underscored.patterns()).containsExactly("%a\\_b\\%c@example.test%");
        assertThat(jane.parameters().get("idPatterns")).isEqualTo(new String[] {"%" + contact + "%"});
    }
}
