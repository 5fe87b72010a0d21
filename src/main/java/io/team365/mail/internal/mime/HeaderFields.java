package io.team365.mail.internal.mime;

import jakarta.mail.internet.MailDateFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Addresses, message ids and dates from raw header values, read leniently; nothing here throws on bad input. */
final class HeaderFields {

    static final int MAX_ID = 998;
    static final int MAX_REFERENCES = 50;
    private static final Pattern BRACKETED = Pattern.compile("<([^<>]*)>");
    private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>,;:\"()\\[\\]]+@[^\\s<>,;:\"()\\[\\]]+");
    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern ESCAPED = Pattern.compile("\\\\(.)");
    /** A MailDateFormat is costly to make (a calendar, a time zone) and not thread-safe: one per thread. */
    private static final ThreadLocal<MailDateFormat> DATE_FORMAT = ThreadLocal.withInitial(MailDateFormat::new);

    private static final DateTimeFormatter[] DATE_FORMATS = {
        DateTimeFormatter.RFC_1123_DATE_TIME,
        DateTimeFormatter.ofPattern("d MMM yyyy H:m[:s] Z", Locale.ROOT),
        DateTimeFormatter.ofPattern("EEE, d MMM yyyy H:m[:s] z", Locale.ROOT),
        DateTimeFormatter.ofPattern("EEE MMM d H:m:s yyyy Z", Locale.ROOT),
        DateTimeFormatter.ISO_OFFSET_DATE_TIME
    };

    private HeaderFields() {}

    /**
     * The mailboxes of an address header (group members included, group names dropped), addresses lower-cased.
     * Entries without a usable address ({@code undisclosed-recipients:;}, a bare name) are left out.
     */
    static List<MailAddress> addresses(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        String value = MailCharsets.repairRawUtf8(EncodedWords.unfold(header));
        List<MailAddress> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String mailbox : mailboxes(value)) {
            MailAddress address = mailbox(mailbox);
            if (address != null && seen.add(address.address())) {
                result.add(address);
            }
        }
        return result;
    }

    /** Splits at commas, semicolons and group colons that are outside quotes, comments and angle brackets. */
    private static List<String> mailboxes(String value) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean angle = false;
        int comment = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && (quoted || comment > 0)) {
                current.append(c).append(value.charAt(++i));
                continue;
            }
            if (!quoted && comment == 0) {
                if (c == '<') angle = true;
                if (c == '>') angle = false;
            }
            if (!angle && !quoted) {
                if (c == '(') comment++;
                if (c == ')' && comment > 0) comment--;
            }
            if (c == '"' && comment == 0) {
                quoted = !quoted;
            }
            boolean separator = !quoted && !angle && comment == 0 && (c == ',' || c == ';' || c == ':');
            if (separator) {
                if (c != ':') { // the text before a colon is a group's name
                    result.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        result.add(current.toString());
        return result;
    }

    private static MailAddress mailbox(String text) {
        String address;
        String name;
        int open = text.lastIndexOf('<');
        int close = text.indexOf('>', Math.max(open, 0));
        if (open >= 0) {
            address = text.substring(open + 1, close > open ? close : text.length());
            name = text.substring(0, open);
        } else {
            Matcher comment = COMMENT.matcher(text);
            name = comment.find() ? comment.group().substring(1, comment.group().length() - 1) : "";
            address = COMMENT.matcher(text).replaceAll(" ");
        }
        int route = address.lastIndexOf(':'); // obsolete source route @a,@b:user@host
        if (route >= 0) {
            address = address.substring(route + 1);
        }
        address = WHITESPACE.matcher(address).replaceAll("").replace("\"", "").toLowerCase(Locale.ROOT);
        if (!usable(address)) {
            Matcher bare = BARE_ADDRESS.matcher(text);
            if (!bare.find() || !usable(bare.group().toLowerCase(Locale.ROOT))) {
                return null;
            }
            address = bare.group().toLowerCase(Locale.ROOT);
        }
        return new MailAddress(name(name), address);
    }

    private static boolean usable(String address) {
        int at = address.lastIndexOf('@');
        return at > 0 && at < address.length() - 1 && address.length() <= 254;
    }

    private static String name(String raw) {
        String name =
                COMMENT.matcher(raw).replaceAll(" ").replace("\\\"", "\u0000").replace("\"", "");
        name = ESCAPED.matcher(name.replace('\u0000', '"')).replaceAll("$1");
        name = WHITESPACE.matcher(EncodedWords.decode(name)).replaceAll(" ").strip();
        if (name.length() > 500) {
            name = name.substring(0, 500);
        }
        return name.isEmpty() ? null : name;
    }

    /** Every message id in a header, without brackets, in order; bare ids are accepted when there are no brackets. */
    static List<String> messageIds(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        String value = EncodedWords.unfold(header);
        Set<String> ids = new LinkedHashSet<>();
        Matcher bracketed = BRACKETED.matcher(value);
        while (bracketed.find()) {
            add(ids, bracketed.group(1));
        }
        if (ids.isEmpty()) {
            for (String token : value.split("[\\s,]+")) {
                add(ids, token.replace("<", "").replace(">", ""));
            }
        }
        return List.copyOf(ids);
    }

    private static void add(Set<String> ids, String id) {
        String clean = MailCharsets.clean(WHITESPACE.matcher(id).replaceAll(""));
        if (!clean.isEmpty() && clean.length() <= MAX_ID) {
            ids.add(clean);
        }
    }

    static String firstMessageId(String header) {
        List<String> ids = messageIds(header);
        for (String id : ids) {
            if (id.contains("@")) {
                return id;
            }
        }
        return ids.isEmpty() ? null : ids.getFirst();
    }

    /** References for threading: the first (the thread's root) and the most recent ones when there are too many. */
    static List<String> references(String header) {
        List<String> ids = messageIds(header);
        if (ids.size() <= MAX_REFERENCES) {
            return ids;
        }
        List<String> kept = new ArrayList<>(MAX_REFERENCES);
        kept.add(ids.getFirst());
        kept.addAll(ids.subList(ids.size() - (MAX_REFERENCES - 1), ids.size()));
        return kept;
    }

    /** The Date header as an instant, or null when it cannot be read. */
    static Instant date(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = EncodedWords.unfold(header).strip();
        try {
            Date parsed = DATE_FORMAT.get().parse(value, new ParsePosition(0));
            if (parsed != null) {
                return parsed.toInstant();
            }
        } catch (RuntimeException unreadable) {
            // try the other formats
        }
        String plain = WHITESPACE
                .matcher(COMMENT.matcher(value).replaceAll(""))
                .replaceAll(" ")
                .strip();
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return ZonedDateTime.parse(plain, format).toInstant();
            } catch (java.time.DateTimeException unreadable) {
                // next format
            }
        }
        return null;
    }
}
