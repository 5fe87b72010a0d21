package io.team365.imports.internal.read;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads vCards (4.0, 3.0, and 2.1 as phones and Outlook still write it) one card at a time as records with the fixed
 * {@link #COLUMNS}. A card without {@code END:VCARD}, with a line that is not a property, or with an over-long value
 * comes back with a problem; reading goes on at the next {@code BEGIN:VCARD}. Lines outside cards are ignored.
 */
final class VCardRecordSource implements RecordSource {

    static final int MAX_EACH = VCardCard.MAX_EACH;

    /** First name, Last name, Email 1..5, Phone 1..5, Company, Job title, address, Website, LinkedIn, Tags, Notes. */
    static final List<String> COLUMNS = VCardCard.COLUMNS;

    private final Reader reader;
    private final VCardLines lines;
    private VCardLines.Line pending;
    private long number;

    VCardRecordSource(Reader reader) {
        this.reader = reader;
        this.lines = new VCardLines(reader);
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public Optional<SourceRecord> next() throws IOException {
        VCardLines.Line begin = pending != null ? pending : lines.next();
        pending = null;
        while (begin != null && !isBegin(begin)) {
            begin = lines.next();
        }
        if (begin == null) {
            return Optional.empty();
        }
        VCardCard card = new VCardCard();
        String problem = null;
        boolean afterBinary = false;
        while (true) {
            VCardLines.Line line = lines.next();
            if (line == null) {
                problem = "the card that starts on line " + begin.number() + " has no END:VCARD";
                break;
            }
            if (isBegin(line)) {
                pending = line;
                problem = "the card that starts on line " + begin.number() + " has no END:VCARD";
                break;
            }
            if (line.text().isBlank()) {
                continue;
            }
            VCardProperty property = line.skipped() ? null : VCardProperty.parse(line.text());
            if (line.skipped()) {
                afterBinary = true;
                continue;
            }
            if (property == null) {
                // unindented base64 after a photo (some 2.1 writers) is not an error; anything else is
                if (!afterBinary && problem == null) {
                    problem = "line " + line.number() + " is not a vCard property";
                }
                continue;
            }
            afterBinary = false;
            if (property.name().equals("END")
                    && property.text().toUpperCase(Locale.ROOT).equals("VCARD")) {
                break;
            }
            if (line.cut() && problem == null) {
                problem = CsvRecordSource.TOO_LONG;
            }
            card.add(property);
        }
        List<String> values = card.values();
        if (problem == null && values.stream().anyMatch(v -> v.length() > CsvRecordSource.MAX_VALUE)) {
            problem = CsvRecordSource.TOO_LONG;
        }
        return Optional.of(new SourceRecord(++number, values, problem));
    }

    private static boolean isBegin(VCardLines.Line line) {
        String t = line.text().strip();
        return t.regionMatches(true, 0, "BEGIN:VCARD", 0, 11) && t.length() == 11;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
