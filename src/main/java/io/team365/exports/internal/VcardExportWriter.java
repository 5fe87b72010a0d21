package io.team365.exports.internal;

import io.team365.core.exporting.ExportColumn;
import io.team365.core.exporting.ExportRow;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * vCard 4.0 (RFC 6350) for people: contacts and leads. Values are escaped (backslash, comma, semicolon, newline),
 * lines end with CRLF and are folded at 75 octets without splitting a UTF-8 character.
 */
final class VcardExportWriter implements ExportWriter {

    private static final List<String> WANTED = List.of(
            "id",
            "firstName",
            "lastName",
            "emails",
            "phones",
            "jobTitle",
            "company",
            "companyName",
            "address",
            "tags",
            "source");

    private final Writer out;
    private final ObjectMapper json;
    private final StringBuilder line = new StringBuilder(256);
    private List<ExportColumn> columns;

    VcardExportWriter(Writer out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    /** The columns a vCard reads: structured emails, phones and address; the company's name; tags joined. */
    @Override
    public List<ExportColumn> select(List<ExportColumn> all) {
        List<ExportColumn> chosen = new ArrayList<>();
        for (ExportColumn column : all) {
            boolean structured = List.of("emails", "phones", "address").contains(column.name());
            boolean wantedForm = structured ? column.inJson() : column.inCsv();
            if (WANTED.contains(column.name())
                    && wantedForm
                    && chosen.stream().noneMatch(c -> c.name().equals(column.name()))) {
                chosen.add(column);
            }
        }
        columns = chosen;
        return chosen;
    }

    @Override
    public void begin() {}

    @Override
    public void row(ExportRow row) throws IOException {
        String first = value(row, "firstName");
        String last = value(row, "lastName");
        property("BEGIN:VCARD");
        property("VERSION:4.0");
        property("UID:urn:uuid:" + value(row, "id"));
        String full = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        JsonNode emails = tree(value(row, "emails"));
        if (full.isEmpty() && emails.size() > 0) {
            full = emails.get(0).path("address").asString("");
        }
        property("FN:" + escape(full));
        property("N:" + escape(last) + ";" + escape(first) + ";;;");
        for (JsonNode email : emails) {
            String address = email.path("address").asString(null);
            if (address != null) {
                property("EMAIL" + type(email.path("label").asString(null))
                        + (email.path("primary").asBoolean(false) ? ";PREF=1" : "") + ":" + escape(address));
            }
        }
        for (JsonNode phone : tree(value(row, "phones"))) {
            String number = phone.path("number").asString(null);
            if (number != null) {
                property("TEL" + type(phone.path("label").asString(null)) + ":" + escape(number));
            }
        }
        optional("TITLE", value(row, "jobTitle"));
        String company = value(row, "company") != null ? value(row, "company") : value(row, "companyName");
        optional("ORG", company);
        JsonNode address = tree(value(row, "address"));
        if (!address.isEmpty()
                && address.properties().stream().anyMatch(e -> !e.getValue().isNull())) {
            property("ADR:;;" + escape(text(address, "street")) + ";" + escape(text(address, "city")) + ";"
                    + escape(text(address, "region")) + ";" + escape(text(address, "postalCode")) + ";"
                    + escape(text(address, "country")));
        }
        String tags = value(row, "tags");
        if (tags != null && !tags.isEmpty()) {
            List<String> escaped = new ArrayList<>();
            for (String tag : tags.split("; ")) {
                escaped.add(escape(tag));
            }
            property("CATEGORIES:" + String.join(",", escaped));
        }
        optional("NOTE", value(row, "source") == null ? null : "Source: " + value(row, "source"));
        property("END:VCARD");
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    private String value(ExportRow row, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return row.value(i);
            }
        }
        return null;
    }

    private JsonNode tree(String text) {
        return text == null ? json.createArrayNode() : json.readTree(text);
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asString(null);
    }

    private static String type(String label) {
        if (label == null) {
            return "";
        }
        String type = label.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        return type.isEmpty() ? "" : ";TYPE=" + type;
    }

    private void optional(String name, String value) throws IOException {
        if (value != null && !value.isBlank()) {
            property(name + ":" + escape(value));
        }
    }

    /** RFC 6350 3.4: backslash, comma and semicolon escaped, newlines as \n. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ',' -> escaped.append("\\,");
                case ';' -> escaped.append("\\;");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {}
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Writes a content line folded at 75 octets (RFC 6350 3.2): CRLF and a space before each continuation. */
    private void property(String content) throws IOException {
        line.setLength(0);
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + width > 75) {
                line.append("\r\n ");
                octets = 1;
            }
            line.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        line.append("\r\n");
        out.append(line);
    }
}
