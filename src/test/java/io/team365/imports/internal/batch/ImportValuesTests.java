package io.team365.imports.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cells of other products' exports that mean one of our values: employee counts and Salesforce lead statuses. */
class ImportValuesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0       | 1-10
            10      | 1-10
            11      | 11-50
            40      | 11-50
            200     | 51-200
            250     | 201-500
            1000    | 501-1000
            1,200   | 1001-5000
            5 000   | 1001-5000
            5001    | 5001+
            120000  | 5001+
            51-200  | 51-200
            lots    | lots
            """)
    void aNumberOfEmployeesIsTheSizeRangeItFallsIn(String cell, String size) {
        assertThat(Values.companySize(cell)).isEqualTo(size);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Open - Not Contacted   | new
            Working - Contacted    | contacted
            Closed - Converted     | qualified
            Closed - Not Converted | unqualified
            Qualified              | qualified
            Pending                | pending
            """)
    void salesforceLeadStatusesAreTheNearestOfOurs(String cell, String status) {
        assertThat(Values.leadStatus(cell)).isEqualTo(status);
    }
}
