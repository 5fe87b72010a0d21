package io.team365.imports.internal.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Looks at the first 64 KiB of an import file to tell its encoding, whether it is text at all, and whether it holds
 * vCards or CSV. The file's extension is not trusted: people rename files, and exports are often misnamed.
 */
final class TextDetection {

    static final int SAMPLE_BYTES = 64 * 1024;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static final String EMPTY = "The file is empty: it has no column names and no rows.";
    static final String BINARY = "The file is not a text file (it looks like an image, a program or another binary"
            + " file). Export your contacts as CSV or vCard and upload that file.";
    static final String ZIPPED = "The file looks like an Excel workbook or a zip archive. Save it as CSV"
            + " (comma-separated values) and upload that file.";

    /**
     * What was found: the encoding, how many bytes of byte order mark to skip, the decoded start of the file
     * ({@code complete} when that is the whole file) and whether it holds vCards.
     */
    record Detected(Charset charset, int bomLength, String sample, boolean complete, boolean vcard) {}

    private TextDetection() {}

    static Detected detect(Path file) throws IOException, UnreadableFile {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE_BYTES + 1);
        }
        boolean complete = head.length <= SAMPLE_BYTES;
        if (!complete) {
            head = Arrays.copyOf(head, SAMPLE_BYTES);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new UnreadableFile(ZIPPED);
        }
        Charset charset;
        int bom = 0;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            charset = withoutBom(head, complete);
        }
        String sample = new String(head, bom, head.length - bom, charset);
        if (sample.isBlank()) {
            throw new UnreadableFile(EMPTY);
        }
        if (looksBinary(sample)) {
            throw new UnreadableFile(BINARY);
        }
        return new Detected(charset, bom, sample, complete, startsWithVCard(sample));
    }

    /**
     * Without a byte order mark: UTF-16 shows as a zero byte in every other position (text that is mostly ASCII);
     * zero bytes anywhere else mean a binary file; then valid UTF-8, otherwise the Windows code page that Excel and
     * Outlook use in Western Europe and the Americas.
     */
    private static Charset withoutBom(byte[] head, boolean complete) throws UnreadableFile {
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                if ((i & 1) == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        int pairs = Math.max(1, head.length / 2);
        if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        // a stray NUL or two in a text export is tolerated (the readers drop them); more mean a binary file
        if (evenZeros + oddZeros > Math.max(2, head.length / 1000)) {
            throw new UnreadableFile(BINARY);
        }
        return validUtf8(head, complete) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    /** True when the bytes are UTF-8; a sequence cut by the end of an incomplete sample does not count against. */
    static boolean validUtf8(byte[] b, boolean complete) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int more;
            int min;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                more = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                more = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                more = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + more >= b.length) {
                // fewer bytes left than the sequence needs
                return !complete;
            }
            int cp = c & (0x3F >> more);
            for (int k = 1; k <= more; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += more + 1;
        }
        return true;
    }

    /** Control characters other than tab, line breaks and form feed are not in text people write. */
    private static boolean looksBinary(String sample) {
        int controls = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0) || c == 0x7F || c == 0xFFFD) {
                controls++;
            }
        }
        return controls > 8 && controls * 100 > sample.length();
    }

    static boolean startsWithVCard(String sample) {
        int i = 0;
        if (!sample.isEmpty() && sample.charAt(0) == '\uFEFF') {
            i++;
        }
        while (i < sample.length() && Character.isWhitespace(sample.charAt(i))) {
            i++;
        }
        return sample.regionMatches(true, i, "BEGIN:VCARD", 0, 11);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
