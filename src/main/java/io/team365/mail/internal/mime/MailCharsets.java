package io.team365.mail.internal.mime;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the charset labels found in mail into Java charsets, the way mail readers do rather than the way the RFCs
 * say: Latin-1 and ASCII labels are read as windows-1252 (its superset, which is what senders actually meant),
 * legacy CJK labels as their Microsoft supersets, unknown or missing labels by looking at the bytes (UTF-8 when they
 * are valid UTF-8, else windows-1252). UTF-7, which Java cannot decode, is shown as its raw ASCII.
 */
final class MailCharsets {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        for (String latin1 : new String[] {
            "us-ascii",
            "ascii",
            "ansi_x3.4-1968",
            "iso646-us",
            "iso-8859-1",
            "iso8859-1",
            "iso_8859-1",
            "8859-1",
            "iso-8859-1:1987",
            "latin1",
            "latin-1",
            "l1",
            "cp819",
            "ibm819",
            "iso-ir-100",
            "iso-latin-1",
            "cp1252",
            "windows-1252",
            "x-cp1252",
            "unknown-8bit",
            "unknown",
            "x-unknown",
            "default",
            "x-user-defined",
            "none"
        }) {
            ALIASES.put(latin1, "windows-1252");
        }
        for (String gbk :
                new String[] {"gb2312", "gb_2312-80", "csgb2312", "euc-cn", "x-euc-cn", "gbk", "x-gbk", "cp936"}) {
            ALIASES.put(gbk, "GBK");
        }
        for (String big5 : new String[] {"big5", "x-x-big5", "cn-big5", "csbig5", "big5-hkscs"}) {
            ALIASES.put(big5, "Big5-HKSCS");
        }
        for (String sjis :
                new String[] {"shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "cp932"}) {
            ALIASES.put(sjis, "windows-31j");
        }
        for (String korean : new String[] {"ks_c_5601-1987", "ks_c_5601", "euc-kr", "cseuckr", "cp949", "korean"}) {
            ALIASES.put(korean, "x-windows-949");
        }
        ALIASES.put("iso-8859-8-i", "ISO-8859-8");
        ALIASES.put("tis-620", "x-windows-874");
        ALIASES.put("iso-8859-11", "x-windows-874");
        ALIASES.put("utf8", "UTF-8");
        ALIASES.put("unicode-1-1-utf-8", "UTF-8");
    }

    private MailCharsets() {}

    /** The charset for a label, or null when the label is missing, unknown, or names UTF-7. */
    static Charset resolve(String label) {
        if (label == null) {
            return null;
        }
        String name = label.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        int language = name.indexOf('*'); // RFC 2231 charset*language
        if (language >= 0) {
            name = name.substring(0, language);
        }
        if (name.isEmpty() || name.contains("utf-7") || name.contains("utf7")) {
            return null;
        }
        String alias = ALIASES.get(name);
        try {
            return Charset.forName(alias != null ? alias : name);
        } catch (IllegalArgumentException unknown) { // IllegalCharsetName and UnsupportedCharset
            return null;
        }
    }

    /** Decodes bytes in a declared charset; undeclared or unknown ones are guessed, bad sequences replaced. */
    static String decode(byte[] bytes, int length, String declared) {
        Charset charset = resolve(declared);
        if (charset == null) {
            charset = guess(bytes, length);
        }
        return decodeWith(bytes, length, charset);
    }

    private static String decodeWith(byte[] bytes, int length, Charset charset) {
        String text = new String(bytes, 0, length, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return text;
    }

    static String decode(byte[] bytes, String declared) {
        return decode(bytes, bytes.length, declared);
    }

    /**
     * {@link #decode} then {@link #clean}, without the second pass over the text when the bytes show it has nothing
     * to clean: no control byte, in a charset that writes ASCII as ASCII (so no other byte can decode to one).
     */
    static String decodeClean(byte[] bytes, String declared) {
        Charset charset = resolve(declared);
        if (charset == null) {
            charset = guess(bytes, bytes.length);
        }
        String text = decodeWith(bytes, bytes.length, charset);
        return asciiCompatible(charset) && !hasControlBytes(bytes) ? text : clean(text);
    }

    private static final Map<Charset, Boolean> ASCII_COMPATIBLE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final byte[] ASCII_SAMPLE =
            "\t\n\r !\"#$%&'()*+,-./0123456789:;<=>?@AZ[\\]^_`az{|}~".getBytes(StandardCharsets.US_ASCII);

    private static boolean asciiCompatible(Charset charset) {
        return ASCII_COMPATIBLE.computeIfAbsent(charset, c -> {
            try {
                return java.util.Arrays.equals(
                        new String(ASCII_SAMPLE, StandardCharsets.US_ASCII).getBytes(c), ASCII_SAMPLE);
            } catch (UnsupportedOperationException cannotEncode) {
                return false;
            }
        });
    }

    private static boolean hasControlBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return true;
            }
        }
        return false;
    }

    /** UTF-8 when the bytes are valid UTF-8 (which includes pure ASCII), else windows-1252. */
    static Charset guess(byte[] bytes, int length) {
        return isUtf8(bytes, length) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    static boolean isUtf8(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException invalid) {
            return false;
        }
    }

    /**
     * Headers with raw 8-bit bytes reach us as one char per byte (Jakarta Mail reads them as Latin-1). When those
     * bytes are valid UTF-8, the sender meant UTF-8: decode them again.
     */
    static String repairRawUtf8(String value) {
        if (value == null) {
            return null;
        }
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        if (!isUtf8(bytes, bytes.length)) {
            return value;
        }
        return StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Text safe to store: no NUL (PostgreSQL refuses it) and no other C0 controls except tab and line breaks. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        CharBuffer out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
            if (bad && out == null) {
                out = CharBuffer.allocate(text.length());
                out.put(text, 0, i);
            }
            if (out != null && !bad) {
                out.put(c);
            }
        }
        return out == null ? text : out.flip().toString();
    }
}
