package io.team365.search.internal;

import io.team365.core.Validation;
import io.team365.identity.RecordScope;
import io.team365.identity.TeamManagement;
import io.team365.search.RecordSearch;
import io.team365.search.SearchHit;
import io.team365.search.SearchKind;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks the database's {@code search_records} (migration V38), which works only on the tenant bound to the transaction,
 * and passes the caller's record scope so a member who sees only their own records finds only those.
 */
@Service
class RecordSearchService implements RecordSearch {

    private final JdbcClient jdbc;
    private final TeamManagement team;

    RecordSearchService(JdbcClient jdbc, TeamManagement team) {
        this.jdbc = jdbc;
        this.team = team;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SearchHit> find(String q, Set<SearchKind> kinds, int perKind, Locale locale) {
        String text = q == null ? "" : q.strip();
        Validation validation = Validation.start();
        if (text.isEmpty()) {
            validation.reject("q", "validation.required");
        } else if (text.length() > MAX_QUERY_LENGTH) {
            validation.reject("q", "validation.too-long", MAX_QUERY_LENGTH);
        } else if (text.chars().anyMatch(c -> c < 0x20)) {
            validation.reject("q", "validation.control-characters");
        }
        if (perKind < 1 || perKind > MAX_PER_KIND) {
            validation.reject("limit", "search.limit-range", 1, MAX_PER_KIND);
        }
        validation.throwIfInvalid();
        Set<SearchKind> wanted = kinds == null || kinds.isEmpty() ? EnumSet.allOf(SearchKind.class) : kinds;
        RecordScope scope = team.recordScope();
        UUID[] owners = scope.all() ? null : scope.owners().toArray(UUID[]::new);
        String[] kindNames = Stream.of(SearchKind.values())
                .filter(wanted::contains)
                .map(SearchKind::value)
                .toArray(String[]::new);
        return new ArrayList<>(jdbc.sql("""
                        select record_type, record_id, title, detail, company_name, stage_name, amount, currency, match
                        from search_records(:q, :kinds, :owners, :perKind)
                        """)
                .param("q", text)
                .param("kinds", kindNames)
                .param("owners", owners, java.sql.Types.ARRAY)
                .param("perKind", perKind)
                .query((rs, n) -> {
                    SearchKind kind =
                            SearchKind.named(rs.getString("record_type")).orElseThrow();
                    UUID id = rs.getObject("record_id", UUID.class);
                    String subtitle = subtitle(
                            kind,
                            rs.getString("detail"),
                            rs.getString("company_name"),
                            rs.getString("stage_name"),
                            rs.getBigDecimal("amount"),
                            rs.getString("currency"),
                            locale);
                    return new SearchHit(
                            kind,
                            id,
                            rs.getString("title"),
                            subtitle,
                            "/" + kind.plural() + "/" + id,
                            rs.getString("match"));
                })
                .list());
    }

    private static String subtitle(
            SearchKind kind,
            String detail,
            String companyName,
            String stageName,
            BigDecimal amount,
            String currency,
            Locale locale) {
        return switch (kind) {
            case CONTACT -> join(detail, companyName);
            case COMPANY, LEAD -> join(detail);
            case DEAL -> join(money(amount, currency, locale), stageName, companyName);
        };
    }

    private static String money(BigDecimal amount, String currency, Locale locale) {
        if (amount == null || currency == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }

    private static String join(String... parts) {
        return Stream.of(parts)
                .filter(Objects::nonNull)
                .filter(p -> !p.isBlank())
                .collect(Collectors.joining(" · "));
    }
}
