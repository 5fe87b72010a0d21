package io.team365.imports.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.imports.internal.mapping.Names;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Full names split into first and last name for files that have one name column. */
class NamesTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Ann Lee|Ann|Lee",
                "  Grace   Brewster  Hopper |Grace Brewster|Hopper",
                "Lee, Ann|Ann|Lee",
                "van Beethoven, Ludwig|Ludwig|van Beethoven",
                "Ludwig van Beethoven|Ludwig|van Beethoven",
                "Dr. Marie Curie|Marie|Curie",
                "Martin Luther King Jr.|Martin Luther|King Jr.",
                "King, Martin Luther, Jr.|Martin Luther|King Jr.",
                "Martin Luther King, Jr.|Martin Luther|King Jr.",
                "Madonna|Madonna|",
                "José María de la Cruz|José María|de la Cruz",
                "Mr Smith|Smith|",
                "''|''|''"
            })
    void splits(String full, String first, String last) {
        Names.Split split = Names.split(full);

        assertThat(split.first()).isEqualTo(first == null ? "" : first);
        assertThat(split.last()).isEqualTo(last == null ? "" : last);
    }
}
