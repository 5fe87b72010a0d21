package io.team365.imports.internal.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens an import file as {@link RecordSource}: tells vCard from CSV by the content (the extension is a hint only),
 * detects the encoding (UTF-8 with or without byte order mark, UTF-16 with or without, else Windows-1252) and for CSV
 * the delimiter. Empty and binary files are refused with a sentence for people ({@link UnreadableFile}).
 *
 * <p>vCards come back with the fixed columns of {@link VCardRecordSource#COLUMNS}.
 */
public final class ImportReaders {

    private ImportReaders() {}

    /** Opens {@code file}; {@code fileName} is the name the user uploaded (its extension is a hint only). */
    public static RecordSource open(Path file, String fileName) throws IOException, UnreadableFile {
        TextDetection.Detected detected = TextDetection.detect(file);
        Reader reader = reader(file, detected);
        try {
            if (detected.vcard()) {
                return new VCardRecordSource(reader);
            }
            String sample = detected.sample();
            if (excelSeparatorLine(sample)) {
                return new CsvRecordSource(reader, sample.charAt(4), true);
            }
            return new CsvRecordSource(reader, DelimiterSniffer.sniff(sample, detected.complete()), false);
        } catch (IOException | UnreadableFile | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Excel writes {@code sep=;} as the first line when asked to name the delimiter. */
    private static boolean excelSeparatorLine(String sample) {
        return sample.length() > 5
                && sample.regionMatches(true, 0, "sep=", 0, 4)
                && (sample.charAt(5) == '\n' || sample.charAt(5) == '\r')
                && sample.charAt(4) != '"';
    }

    private static Reader reader(Path file, TextDetection.Detected detected) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(detected.bomLength());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        // bytes that are not valid in the detected encoding read as U+FFFD instead of failing the whole import
        var decoder = detected.charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(in, decoder);
    }
}
