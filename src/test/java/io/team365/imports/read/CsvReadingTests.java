package io.team365.imports.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.team365.imports.internal.read.SourceRecord;
import io.team365.imports.internal.read.UnreadableFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV as real files have it: sniffed delimiters, quotes, blank lines, ragged rows, huge values and stray quotes. */
class CsvReadingTests {

    @TempDir
    Path dir;

    @Test
    void semicolonsAreSniffedAndQuotedSemicolonsStayInTheValue() throws Exception {
        Corpus.Read read = Corpus.read("semicolon.csv");

        assertThat(read.columns()).containsExactly("Vorname", "Nachname", "E-Mail", "Betrag");
        assertThat(read.record(1).values()).containsExactly("Anna", "Schmidt", "anna@beispiel.de", "1.234,50");
        assertThat(read.record(2).values()).containsExactly("Bernd; Jr.", "Meier", "bernd@beispiel.de", "12,00");
        assertThat(read.records()).allMatch(SourceRecord::readable);
    }

    @Test
    void tabsAreSniffedEvenWhenValuesHoldCommasAndTabsAreNotTrimmedAsSpace() throws Exception {
        Corpus.Read read = Corpus.read("tab.tsv");

        assertThat(read.columns()).containsExactly("Name", "Company", "Notes");
        assertThat(read.record(1).values()).containsExactly("Ann Lee", "Acme, Inc.", "likes tea, coffee");
        assertThat(read.record(2).values()).containsExactly("Bob Ray", "", "padded");
    }

    @Test
    void pipesAreSniffed() throws Exception {
        Corpus.Read read = Corpus.read("pipe.csv");

        assertThat(read.columns()).containsExactly("id", "name", "email");
        assertThat(read.record(2).values()).containsExactly("2", "Bob, Jr.", "bob@example.com");
    }

    @Test
    void quotedValuesKeepLineBreaksAndQuotesAndBlankLinesAreSkipped() throws Exception {
        Corpus.Read read = Corpus.read("embedded-newlines.csv");

        assertThat(read.columns()).containsExactly("Name", "Notes", "Email");
        assertThat(read.records()).extracting(SourceRecord::number).containsExactly(1L, 2L, 3L);
        assertThat(read.record(1).values()).containsExactly("Ann Lee", "line 1\nline 2", "ann@example.com");
        assertThat(read.record(2).values()).containsExactly("Bob \"Bobby\" Ray", "a\nb\nc", "bob@example.com");
        // spaces around values go, spaces inside quotes stay
        assertThat(read.record(3).values()).containsExactly("Cid Moe", "  spaced  ", "cid@example.com");
        assertThat(read.records()).allMatch(SourceRecord::readable);
    }

    @Test
    void raggedRowsAreReportedAndTrailingEmptyValuesAreFine() throws Exception {
        Corpus.Read read = Corpus.read("ragged.csv");

        assertThat(read.records()).extracting(SourceRecord::number).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(read.record(1).problem()).isNull();
        assertThat(read.record(2).problem()).isEqualTo("row has 2 values, the header has 4");
        assertThat(read.record(2).values()).containsExactly("Bob", "bob@example.com");
        assertThat(read.record(3).problem()).isEqualTo("row has 5 values, the header has 4");
        assertThat(read.record(4).problem()).isNull();
        assertThat(read.record(4).values()).containsExactly("Dan", "dan@example.com", "444", "Acme");
        // the ",,," line has no content and is skipped like a blank line
        assertThat(read.record(5).values()).containsExactly("Eve", "eve@example.com", "555", "Acme");
        assertThat(read.readable()).extracting(r -> r.values().get(0)).containsExactly("Ann", "Dan", "Eve");
    }

    @Test
    void aValueOverTheLimitReportsItsRecordAndTheOthersAreRead() throws Exception {
        Corpus.Read read = Corpus.read("huge-field.csv");

        assertThat(read.records()).hasSize(5);
        assertThat(read.record(2).problem()).isEqualTo("a value is longer than 32,768 characters");
        assertThat(read.record(4).problem()).isEqualTo("a value is longer than 32,768 characters");
        assertThat(read.readable())
                .extracting(r -> r.values().get(2))
                .containsExactly("ann@example.com", "cid@example.com", "eve@example.com");
        assertThat(read.record(2).values()).containsExactly("Bob", "", "bob@example.com");
    }

    @Test
    void aValueOfExactlyTheLimitIsFine() throws Exception {
        Path file = write("Name,Notes\nAnn," + "z".repeat(32_768) + "\n");

        Corpus.Read read = Corpus.readPath(file, "limit.csv");

        assertThat(read.record(1).problem()).isNull();
        assertThat(read.record(1).values().get(1)).hasSize(32_768);
    }

    @Test
    void strayQuotesAreReportedAndReadingGoesOnAtTheNextLine() throws Exception {
        Corpus.Read read = Corpus.read("unterminated-quote.csv");

        assertThat(read.records()).extracting(SourceRecord::number).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(read.record(2).problem())
                .isEqualTo("a quote that opens on line 3 is not closed where its value ends");
        assertThat(read.record(2).values()).containsExactly("Bob", "bob@example.com", "never closed");
        assertThat(read.record(6).problem()).isEqualTo("a quote that opens on line 8 is never closed");
        assertThat(read.readable())
                .extracting(r -> r.values().get(0) + "|" + r.values().get(2))
                .containsExactly("Ann|fine", "Cid|ok", "Dan|multi\nline note", "Eve|ok", "Gus|ok");
    }

    @Test
    void aQuoteRunningOverTenThousandLinesIsCutAndEveryLineAfterItIsRead() throws Exception {
        StringBuilder text = new StringBuilder("Name,Notes\nStray,\"oops\n");
        for (int i = 1; i <= 12_000; i++) {
            text.append("Person ").append(i).append(",note ").append(i).append('\n');
        }
        Path file = write(text.toString());

        Corpus.Read read = Corpus.readPath(file, "stray.csv");

        assertThat(read.records()).hasSize(12_001);
        assertThat(read.record(1).problem()).isEqualTo("a quote that opens on line 2 is never closed");
        assertThat(read.record(1).values()).containsExactly("Stray", "oops");
        assertThat(read.readable()).hasSize(12_000);
        assertThat(read.record(12_001).values()).containsExactly("Person 12000", "note 12000");
    }

    @Test
    void aQuoteRunningOverOneMebibyteIsCutToo() throws Exception {
        String line = "a".repeat(200_000);
        StringBuilder text = new StringBuilder("Name,Notes\nStray,\"oops\n");
        for (int i = 1; i <= 8; i++) {
            text.append("P").append(i).append(',').append(line).append('\n');
        }
        text.append("Last,short\n");
        Path file = write(text.toString());

        Corpus.Read read = Corpus.readPath(file, "stray.csv");

        assertThat(read.record(1).problem()).isEqualTo("a quote that opens on line 2 is never closed");
        assertThat(read.records()).hasSize(10);
        assertThat(read.record(2).problem()).isEqualTo("a value is longer than 32,768 characters");
        assertThat(read.record(10).values()).containsExactly("Last", "short");
    }

    @Test
    void blankAndRepeatedHeadersAreMadeUnique() throws Exception {
        Corpus.Read read = Corpus.read("header-only.csv");

        assertThat(read.columns()).containsExactly("Email", "Name", "Column 3", "email (2)", "Name (2)");
        assertThat(read.records()).isEmpty();
    }

    @Test
    void aHeaderWithAnUnclosedQuoteMakesTheFileUnreadable() throws Exception {
        Path file = write("Name,\"Email\nAnn,ann@example.com\n");

        assertThatThrownBy(() -> Corpus.readPath(file, "bad.csv"))
                .isInstanceOf(UnreadableFile.class)
                .hasMessageContaining("column names");
    }

    @Test
    void oldMacLineEndingsAndAMissingFinalLineBreakAreRead() throws Exception {
        Path file = write("Name,Email\rAnn,ann@example.com\rBob,bob@example.com");

        Corpus.Read read = Corpus.readPath(file, "mac.csv");

        assertThat(read.records()).extracting(r -> r.values().get(0)).containsExactly("Ann", "Bob");
    }

    @Test
    void aSingleColumnFileNeedsNoDelimiter() throws Exception {
        Path file = write("Email\nann@example.com\nbob@example.com\n");

        Corpus.Read read = Corpus.readPath(file, "emails.csv");

        assertThat(read.columns()).containsExactly("Email");
        assertThat(read.records())
                .extracting(r -> r.values().get(0))
                .containsExactly("ann@example.com", "bob@example.com");
    }

    @Test
    void textAfterAClosingQuoteOnTheSameLineIsKept() throws Exception {
        Path file = write("Name,Size\nTV,\"55\" wide\n");

        Corpus.Read read = Corpus.readPath(file, "tv.csv");

        assertThat(read.record(1).values()).containsExactly("TV", "55 wide");
        assertThat(read.record(1).problem()).isNull();
    }

    @Test
    void manyRowsAcrossBufferBoundariesComeBackInOrder() throws Exception {
        StringBuilder text = new StringBuilder("id,name,email,notes\n");
        for (int i = 1; i <= 20_000; i++) {
            text.append(i)
                    .append(",\"Name ")
                    .append(i)
                    .append("\",user")
                    .append(i)
                    .append("@example.com,")
                    .append(i % 7 == 0 ? "\"multi\r\nline, " + i + "\"" : "plain " + i)
                    .append("\r\n");
        }
        Path file = write(text.toString());

        Corpus.Read read = Corpus.readPath(file, "many.csv");

        assertThat(read.records()).hasSize(20_000).allMatch(SourceRecord::readable);
        for (int i = 1; i <= 20_000; i++) {
            SourceRecord r = read.records().get(i - 1);
            assertThat(r.number()).isEqualTo(i);
            assertThat(r.values().get(0)).isEqualTo(String.valueOf(i));
            assertThat(r.values().get(3)).isEqualTo(i % 7 == 0 ? "multi\nline, " + i : "plain " + i);
        }
    }

    @Test
    void excelsSeparatorLineNamesTheDelimiterAndIsNotTheHeader() throws Exception {
        Path file = write("sep=;\r\nName;Notes\r\nAnn;tea, coffee\r\n");

        Corpus.Read read = Corpus.readPath(file, "excel.csv");

        assertThat(read.columns()).containsExactly("Name", "Notes");
        assertThat(read.record(1).values()).containsExactly("Ann", "tea, coffee");
    }

    @Test
    void aStrayNulIsDroppedBecauseTheDatabaseCannotStoreIt() throws Exception {
        Path file = write("Name,Notes\nAnn,te\u0000a\nBob,\"co\u0000ffee\"\n");

        Corpus.Read read = Corpus.readPath(file, "nul.csv");

        assertThat(read.record(1).values()).containsExactly("Ann", "tea");
        assertThat(read.record(2).values()).containsExactly("Bob", "coffee");
    }

    private Path write(String text) throws Exception {
        Path file = Files.createTempFile(dir, "import", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
