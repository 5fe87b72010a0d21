package io.team365.imports.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.team365.imports.internal.read.UnreadableFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same rows written in each encoding real exports use read back the same; empty and binary files are refused. */
class EncodingDetectionTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"utf8.csv", "utf8-bom.csv", "utf16le-bom.csv", "utf16be.csv", "windows1252.csv"})
    void everyEncodingReadsTheSameTextWithoutByteOrderMark(String file) throws Exception {
        Corpus.Read read = Corpus.read(file);

        assertThat(read.columns()).containsExactly("Name", "City", "Notes");
        assertThat(read.records()).hasSize(2).allMatch(r -> r.readable());
        assertThat(read.record(1).values()).containsExactly("Renée Dupont", "Orléans", "Prix 5 €");
        assertThat(read.record(2).values()).containsExactly("Jürgen Groß", "München", "Straße");
    }

    @Test
    void utf16LittleEndianWithoutByteOrderMarkIsRecognisedByItsZeroBytes() throws Exception {
        Path file = write("Name,City\r\nZoë,Zürich\r\n", StandardCharsets.UTF_16LE);

        Corpus.Read read = Corpus.readPath(file, "export.txt");

        assertThat(read.columns()).containsExactly("Name", "City");
        assertThat(read.record(1).values()).containsExactly("Zoë", "Zürich");
    }

    @Test
    void anInvalidUtf8ByteLateInABigFileDoesNotFailTheImport() throws Exception {
        StringBuilder text = new StringBuilder("Name,Notes\n");
        for (int i = 0; i < 5000; i++) {
            text.append("Person ").append(i).append(",plain ascii text\n");
        }
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "Last,caf\u00e9\n".getBytes(Charset.forName("windows-1252"));
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        Path file = dir.resolve("late.csv");
        Files.write(file, all);

        Corpus.Read read = Corpus.readPath(file, "late.csv");

        assertThat(read.records()).hasSize(5001);
        assertThat(read.record(5001).values()).containsExactly("Last", "caf\uFFFD");
    }

    @Test
    void anEmptyFileIsRefusedWithASentence() {
        assertThatThrownBy(() -> Corpus.read("empty.csv"))
                .isInstanceOf(UnreadableFile.class)
                .hasMessage("The file is empty: it has no column names and no rows.");
    }

    @Test
    void aFileOfBlankLinesOrOnlyAByteOrderMarkIsEmptyToo() throws Exception {
        Path blank = write("\r\n  \n\t\n", StandardCharsets.UTF_8);
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});

        assertThatThrownBy(() -> Corpus.readPath(blank, "blank.csv"))
                .isInstanceOf(UnreadableFile.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> Corpus.readPath(bom, "bom.csv"))
                .isInstanceOf(UnreadableFile.class)
                .hasMessageContaining("empty");
    }

    @Test
    void binaryFilesAreRefusedWhateverTheirName() throws Exception {
        Path png = dir.resolve("contacts.csv");
        Files.copy(Corpus.file("binary-junk.bin"), png);

        assertThatThrownBy(() -> Corpus.read("binary-junk.bin"))
                .isInstanceOf(UnreadableFile.class)
                .hasMessageStartingWith("The file is not a text file");
        assertThatThrownBy(() -> Corpus.readPath(png, "contacts.csv"))
                .isInstanceOf(UnreadableFile.class)
                .hasMessageStartingWith("The file is not a text file");
    }

    @Test
    void controlCharactersWithoutZeroBytesAreBinaryToo() throws Exception {
        byte[] junk = new byte[4000];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (1 + (i * 37) % 250);
        }
        Path file = dir.resolve("junk.csv");
        Files.write(file, junk);

        assertThatThrownBy(() -> Corpus.readPath(file, "junk.csv"))
                .isInstanceOf(UnreadableFile.class)
                .hasMessageStartingWith("The file is not a text file");
    }

    @Test
    void anExcelWorkbookIsRefusedWithAdviceToSaveAsCsv() throws Exception {
        Path xlsx = dir.resolve("contacts.xlsx");
        Files.write(xlsx, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0});

        assertThatThrownBy(() -> Corpus.readPath(xlsx, "contacts.xlsx"))
                .isInstanceOf(UnreadableFile.class)
                .hasMessageContaining("Save it as CSV");
    }

    @Test
    void vCardsAreRecognisedByTheirContentNotTheirName() throws Exception {
        Path misnamed = write(
                "\uFEFF\r\n\r\nbegin:vcard\r\nVERSION:3.0\r\nFN:Ann Lee\r\nend:vcard\r\n", StandardCharsets.UTF_8);

        Corpus.Read read = Corpus.readPath(misnamed, "contacts.csv");

        assertThat(read.columns()).startsWith("First name", "Last name", "Email 1");
        assertThat(read.value(1, "First name")).isEqualTo("Ann");
        assertThat(read.value(1, "Last name")).isEqualTo("Lee");
    }

    @Test
    void aCsvNamedVcfIsReadAsCsv() throws Exception {
        Path file = write("Name,Email\nAnn,ann@example.com\n", StandardCharsets.UTF_8);

        Corpus.Read read = Corpus.readPath(file, "contacts.vcf");

        assertThat(read.columns()).isEqualTo(List.of("Name", "Email"));
        assertThat(read.records()).hasSize(1);
    }

    private Path write(String text, Charset charset) throws Exception {
        Path file = Files.createTempFile(dir, "import", ".csv");
        Files.writeString(file, text, charset);
        return file;
    }
}
