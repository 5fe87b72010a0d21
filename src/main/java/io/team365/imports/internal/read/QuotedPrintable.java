package io.team365.imports.internal.read;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** vCard 2.1 quoted-printable values ({@code =C3=A9}), soft line breaks already joined by {@link VCardLines}. */
final class QuotedPrintable {

    private QuotedPrintable() {}

    /**
     * The decoded text. Without a charset the bytes are read as UTF-8 when they are valid UTF-8, otherwise as
     * Windows-1252 (what old phones and Outlook wrote).
     */
    static String decode(String encoded, Charset charset) {
        Charset literal = charset == null ? StandardCharsets.UTF_8 : charset;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '='
                    && i + 2 < encoded.length()
                    && hex(encoded.charAt(i + 1)) >= 0
                    && hex(encoded.charAt(i + 2)) >= 0) {
                bytes.write(hex(encoded.charAt(i + 1)) * 16 + hex(encoded.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(literal));
            }
        }
        byte[] b = bytes.toByteArray();
        if (charset != null) {
            return new String(b, charset);
        }
        return new String(b, TextDetection.validUtf8(b, true) ? StandardCharsets.UTF_8 : TextDetection.WINDOWS_1252);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
