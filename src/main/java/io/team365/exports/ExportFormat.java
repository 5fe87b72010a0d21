package io.team365.exports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats; vCard holds people only (contacts and leads). */
public enum ExportFormat {
    CSV("csv", "text/csv;charset=UTF-8"),
    VCF("vcf", "text/vcard;charset=UTF-8"),
    JSON("json", "application/json");

    private final String value;
    private final String contentType;

    ExportFormat(String value, String contentType) {
        this.value = value;
        this.contentType = contentType;
    }

    public String value() {
        return value;
    }

    public String contentType() {
        return contentType;
    }

    public boolean accepts(ExportObject object) {
        return this != VCF || object == ExportObject.CONTACTS || object == ExportObject.LEADS;
    }

    /** Accepts {@code vcard} for {@code vcf} too. */
    public static Optional<ExportFormat> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("vcard")) {
            return Optional.of(VCF);
        }
        return Arrays.stream(values()).filter(f -> f.value.equals(wanted)).findFirst();
    }
}
