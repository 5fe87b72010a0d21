package io.team365.files.internal;

import io.team365.core.InvalidInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a file really is, from its bytes (magic numbers, the entries of ZIP-based documents, valid UTF-8 for text),
 * and whether that is a type we accept under the extension it was sent with. The stored and served type is the
 * detected one, never the sender's. Anything a browser or an operating system might run (HTML, SVG, XML, scripts,
 * programs) is refused: attachments are downloads, and a stored script is one careless click from stored XSS.
 */
final class ContentTypes {

    /** The error field: problems are about the uploaded file. */
    static final String FIELD = "file";

    /** An accepted kind: its type and the extensions it may carry (the first is the usual one). */
    record Kind(String contentType, List<String> extensions) {}

    private static final Kind PDF = new Kind("application/pdf", List.of("pdf"));
    private static final Kind PNG = new Kind("image/png", List.of("png"));
    private static final Kind JPEG = new Kind("image/jpeg", List.of("jpg", "jpeg"));
    private static final Kind GIF = new Kind("image/gif", List.of("gif"));
    private static final Kind WEBP = new Kind("image/webp", List.of("webp"));
    private static final Kind HEIC = new Kind("image/heic", List.of("heic", "heif"));
    private static final Kind ZIP = new Kind("application/zip", List.of("zip"));
    private static final Kind DOCX =
            new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"));
    private static final Kind XLSX =
            new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"));
    private static final Kind PPTX =
            new Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of("pptx"));
    private static final Map<String, Kind> OPEN_DOCUMENT = Map.of(
            "application/vnd.oasis.opendocument.text",
            new Kind("application/vnd.oasis.opendocument.text", List.of("odt")),
            "application/vnd.oasis.opendocument.spreadsheet",
            new Kind("application/vnd.oasis.opendocument.spreadsheet", List.of("ods")),
            "application/vnd.oasis.opendocument.presentation",
            new Kind("application/vnd.oasis.opendocument.presentation", List.of("odp")));
    /** Old binary Office files share one container format; the extension tells which program made it. */
    private static final Map<String, String> COMPOUND_DOCUMENT = Map.of(
            "doc", "application/msword", "xls", "application/vnd.ms-excel", "ppt", "application/vnd.ms-powerpoint");
    /** Text is text whatever its extension says; the extension picks the type it is served as. */
    private static final Map<String, String> TEXT = new LinkedHashMap<>();

    static {
        TEXT.put("txt", "text/plain; charset=utf-8");
        TEXT.put("log", "text/plain; charset=utf-8");
        TEXT.put("md", "text/markdown; charset=utf-8");
        TEXT.put("csv", "text/csv; charset=utf-8");
        TEXT.put("tsv", "text/tab-separated-values; charset=utf-8");
        TEXT.put("vcf", "text/vcard; charset=utf-8");
        TEXT.put("ics", "text/calendar; charset=utf-8");
        TEXT.put("json", "application/json");
        TEXT.put("eml", "message/rfc822");
    }

    private static final Set<String> ACTIVE = Set.of(
            "html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "svg", "svgz", "xml", "xsl", "xslt", "js", "mjs",
            "hta", "swf", "pdfxml");
    private static final Set<String> EXECUTABLE = Set.of(
            "exe", "dll", "com", "bat", "cmd", "msi", "msp", "scr", "pif", "cpl", "sh", "bash", "zsh", "ps1", "psm1",
            "vbs", "vbe", "jse", "wsf", "wsh", "jar", "apk", "app", "dmg", "deb", "rpm", "php", "py", "pl", "rb", "lnk",
            "reg", "docm", "xlsm", "pptm");

    private ContentTypes() {}

    /** Every extension accepted, sorted. */
    private static final Set<String> ACCEPTED = accepted();

    private static Set<String> accepted() {
        Set<String> all = new java.util.TreeSet<>();
        for (Kind kind : List.of(PDF, PNG, JPEG, GIF, WEBP, HEIC, DOCX, XLSX, PPTX, ZIP)) {
            all.addAll(kind.extensions());
        }
        OPEN_DOCUMENT.values().forEach(k -> all.addAll(k.extensions()));
        all.addAll(COMPOUND_DOCUMENT.keySet());
        all.addAll(TEXT.keySet());
        return java.util.Collections.unmodifiableSet(all);
    }

    /** The accepted extensions, for messages that list them. */
    static String acceptedList() {
        return String.join(", ", ACCEPTED);
    }

    /** Refuses a name whose extension is never accepted, before reading any of the bytes. */
    static void checkExtension(String extension) {
        if (extension.isEmpty()) {
            throw InvalidInput.of(FIELD, "files.no-extension", acceptedList());
        }
        if (ACTIVE.contains(extension)) {
            throw InvalidInput.of(FIELD, "files.active-content");
        }
        if (EXECUTABLE.contains(extension)) {
            throw InvalidInput.of(FIELD, "files.executable");
        }
        if (!ACCEPTED.contains(extension)) {
            throw InvalidInput.of(FIELD, "files.type-not-allowed", extension, acceptedList());
        }
    }

    /** The detected type of the file's bytes, checked against its extension; refused with a reason otherwise. */
    static String detect(Path file, String extension) throws IOException {
        byte[] head = head(file, 4096);
        if (executable(head)) {
            throw InvalidInput.of(FIELD, "files.executable");
        }
        Kind kind = binary(head, file, extension);
        if (kind == null) {
            if (!utf8Text(file)) {
                throw InvalidInput.of(FIELD, "files.unknown-content");
            }
            if (markup(head)) {
                throw InvalidInput.of(FIELD, "files.active-content");
            }
            String type = TEXT.get(extension);
            if (type == null) {
                throw InvalidInput.of(FIELD, "files.type-mismatch", extension, "txt");
            }
            return type;
        }
        if (!kind.extensions().contains(extension)) {
            throw InvalidInput.of(
                    FIELD, "files.type-mismatch", extension, kind.extensions().getFirst());
        }
        return kind.contentType();
    }

    private static Kind binary(byte[] head, Path file, String extension) throws IOException {
        if (startsWith(head, 0, "%PDF-")) {
            return PDF;
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 0, "GIF87a") || startsWith(head, 0, "GIF89a")) {
            return GIF;
        }
        if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WEBP")) {
            return WEBP;
        }
        if (startsWith(head, 4, "ftyp") && head.length >= 12) {
            String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
            return Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1")
                            .contains(brand)
                    ? HEIC
                    : null;
        }
        if (startsWith(head, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            String type = COMPOUND_DOCUMENT.get(extension);
            return type == null ? new Kind("application/msword", List.of("doc")) : new Kind(type, List.of(extension));
        }
        if (startsWith(head, 0, 'P', 'K', 3, 4) || startsWith(head, 0, 'P', 'K', 5, 6)) {
            return zipBased(file);
        }
        return null;
    }

    /** Reads only the ZIP's central directory (no inflating, so a ZIP bomb costs nothing here). */
    private static Kind zipBased(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && mimetype.getSize() < 200) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    Kind kind = OPEN_DOCUMENT.get(new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip());
                    if (kind != null) {
                        return kind;
                    }
                }
            }
            if (zip.getEntry("[Content_Types].xml") != null) {
                if (zip.getEntry("word/document.xml") != null) {
                    return DOCX;
                }
                if (zip.getEntry("xl/workbook.xml") != null) {
                    return XLSX;
                }
                if (zip.getEntry("ppt/presentation.xml") != null) {
                    return PPTX;
                }
            }
            return ZIP;
        } catch (java.util.zip.ZipException broken) {
            throw InvalidInput.of(FIELD, "files.unknown-content");
        }
    }

    private static boolean executable(byte[] head) {
        return startsWith(head, 0, "MZ")
                || startsWith(head, 0, 0x7F, 'E', 'L', 'F')
                || startsWith(head, 0, 0xFE, 0xED, 0xFA, 0xCE)
                || startsWith(head, 0, 0xFE, 0xED, 0xFA, 0xCF)
                || startsWith(head, 0, 0xCE, 0xFA, 0xED, 0xFE)
                || startsWith(head, 0, 0xCF, 0xFA, 0xED, 0xFE)
                || startsWith(head, 0, 0xCA, 0xFE, 0xBA, 0xBE)
                || startsWith(head, 0, "#!")
                || startsWith(head, 0, 0xEF, 0xBB, 0xBF, '#', '!');
    }

    /** HTML, SVG or XML at the start of a text file: browsers would treat it as a document, scripts and all. */
    private static boolean markup(byte[] head) {
        String start = new String(head, StandardCharsets.UTF_8)
                .replace("\uFEFF", "")
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        if (!start.startsWith("<")) {
            return false;
        }
        return start.startsWith("<?xml")
                || start.startsWith("<!doctype")
                || start.startsWith("<!--")
                || start.matches(
                        "(?s)^<(html|head|body|svg|script|iframe|object|embed|meta|link|style|img|a|div|form)[\\s>/].*");
    }

    /** Valid UTF-8 all the way through, without NUL characters (which no text file has). */
    private static boolean utf8Text(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        try (InputStream stream = Files.newInputStream(file)) {
            byte[] chunk = new byte[32 * 1024];
            int n;
            while ((n = stream.read(chunk)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == 0) {
                        return false;
                    }
                }
                in.put(chunk, 0, n).flip();
                if (decoder.decode(in, out, false).isError()) {
                    return false;
                }
                in.compact();
                out.clear();
            }
            in.flip();
            return !decoder.decode(in, out, true).isError()
                    && !decoder.flush(out).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] head(Path file, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        }
    }

    private static boolean startsWith(byte[] data, int offset, String ascii) {
        return startsWith(data, offset, ascii.chars().toArray());
    }

    private static boolean startsWith(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
