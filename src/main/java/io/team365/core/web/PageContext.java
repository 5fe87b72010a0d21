package io.team365.core.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * What every page template needs besides its own data: texts from the message bundle in the reader's locale, the
 * CSRF token (on demand), and who is signed in (null on public pages).
 */
public record PageContext(
        MessageSource messages,
        Locale locale,
        java.util.function.Supplier<String> csrf,
        String csrfParameter,
        String path,
        Viewer viewer) {

    /**
     * The CSRF token, made only when a page asks for it (a form): making it starts a session, and a public page
     * without a form should set no cookie at all.
     */
    public String csrfToken() {
        return csrf.get();
    }

    /** The signed-in person as the layout shows them. */
    public record Viewer(
            java.util.UUID userId,
            String name,
            String email,
            String clientName,
            String role,
            boolean admin,
            boolean canEdit,
            List<Workspace> workspaces,
            ZoneId zone) {}

    /** Another Client the person can switch to. */
    public record Workspace(String tenantId, String name, boolean current) {}

    /** A moment in the reader's locale and time zone (UTC on public pages). */
    public String dateTime(Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .withZone(zone())
                        .format(instant);
    }

    /** A day without its year, such as "Nov 24", for chart axes. */
    public String shortDate(java.time.LocalDate date) {
        return DateTimeFormatter.ofPattern("MMM d", locale).format(date);
    }

    public String date(Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .withZone(zone())
                        .format(instant);
    }

    private ZoneId zone() {
        return viewer == null ? ZoneOffset.UTC : viewer.zone();
    }

    /** A custom field value as a person reads it: yes/no, lists joined, money with its currency. */
    public String customValue(Object value) {
        if (value instanceof Boolean b) {
            return t(b ? "form.yes" : "form.no");
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        }
        if (value instanceof java.util.Map<?, ?> money && money.get("amount") != null) {
            try {
                java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(locale);
                format.setCurrency(java.util.Currency.getInstance(String.valueOf(money.get("currency"))));
                return format.format(new java.math.BigDecimal(String.valueOf(money.get("amount"))));
            } catch (IllegalArgumentException e) {
                return money.get("amount") + " " + money.get("currency");
            }
        }
        return value == null ? "" : String.valueOf(value);
    }

    /** A value for a URL's query string. */
    /** An amount in the reader's locale with its currency, e.g. "€1,250.00". */
    public String money(io.team365.core.Money money) {
        if (money == null) {
            return "";
        }
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(java.util.Currency.getInstance(money.currency()));
        return format.format(money.amount());
    }

    /** Sums in several currencies, one after the other; a dash when there is none. */
    public String money(List<io.team365.core.Money> sums) {
        return sums.isEmpty()
                ? "–"
                : sums.stream().map(this::money).collect(java.util.stream.Collectors.joining(" · "));
    }

    public String enc(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String t(String key, Object... args) {
        return Texts.of(messages, key, args, locale);
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public boolean active(String prefix) {
        return path != null && (path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    public String initials() {
        if (viewer == null || viewer.name() == null || viewer.name().isBlank()) {
            return "?";
        }
        String[] parts = viewer.name().strip().split("\\s+");
        String first = parts[0].substring(0, 1);
        String last = parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase(locale);
    }
}
