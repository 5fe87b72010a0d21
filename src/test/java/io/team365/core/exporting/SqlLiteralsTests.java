package io.team365.core.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Named parameters written into a statement as typed literals, for COPY, which binds none. */
class SqlLiteralsTests {

    @Test
    void eachValueBecomesALiteralOfTheTypeTheDriverWouldBindItAs() {
        UUID id = UUID.fromString("0190a000-0000-7000-8000-000000000001");
        Map<String, Object> params = new HashMap<>();
        params.put("text", "O'Brien \\ '; drop table x; --");
        params.put("id", id);
        params.put("ids", new UUID[] {id, id});
        params.put("none", new UUID[0]);
        params.put("amount", new BigDecimal("-12.50"));
        params.put("day", Date.valueOf(LocalDate.of(2026, 12, 2)));
        params.put("at", Timestamp.from(Instant.parse("2026-12-02T10:15:30.5Z")));
        params.put("yes", Boolean.TRUE);
        params.put("nothing", null);
        params.put("list", List.of("a", "b'c"));
        params.put("n", 7);
        params.put("big", 7L);
        assertThat(SqlLiterals.inline(
                        "a = :text and b = :id and c = any(:ids) and d = any(:none) and e > :amount and f = :day"
                                + " and g < :at and h = :yes and i is not distinct from :nothing and j in (:list)"
                                + " and k = :n + :big",
                        params))
                .isEqualTo("a = cast('O''Brien \\ ''; drop table x; --' as varchar)"
                        + " and b = cast('0190a000-0000-7000-8000-000000000001' as uuid)"
                        + " and c = any(cast(array[cast('0190a000-0000-7000-8000-000000000001' as uuid),"
                        + " cast('0190a000-0000-7000-8000-000000000001' as uuid)] as uuid[]))"
                        + " and d = any(cast('{}' as uuid[])) and e > cast('-12.50' as numeric)"
                        + " and f = cast('2026-12-02' as date) and g < cast('2026-12-02T10:15:30.500Z' as timestamptz)"
                        + " and h = true and i is not distinct from null"
                        + " and j in (cast('a' as varchar), cast('b''c' as varchar))"
                        + " and k = cast('7' as int4) + cast('7' as int8)");
    }

    @Test
    void onlyParametersOutsideQuotesCommentsAndCastsAreReplaced() {
        Map<String, Object> params = Map.of("q", "x", "text", "y");
        assertThat(SqlLiterals.inline(
                        "select ':q', \":q\", E'\\':q', $$ :q $$, $t$ :q $t$, a::text, -- :q\n"
                                + "b /* :q */ from t where c ilike :q and d = :text",
                        params))
                .isEqualTo("select ':q', \":q\", E'\\':q', $$ :q $$, $t$ :q $t$, a::text, -- :q\n"
                        + "b /* :q */ from t where c ilike cast('x' as varchar) and d = cast('y' as varchar)");
        assertThat(SqlLiterals.inline("select 'it''s :q' || :q", params))
                .isEqualTo("select 'it''s :q' || cast('x' as varchar)");
        assertThat(SqlLiterals.inline("select $1, :q", params)).isEqualTo("select $1, cast('x' as varchar)");
    }

    @Test
    void missingValuesUnknownTypesEmptyListsAndNulCharactersAreRefused() {
        assertThatThrownBy(() -> SqlLiterals.inline("a = :missing", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":missing");
        assertThatThrownBy(() -> SqlLiterals.inline("a = :v", Map.of("v", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlLiterals.inline("a in (:v)", Map.of("v", List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlLiterals.inline("a = :v", Map.of("v", "nul\0here")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlLiterals.inline("a = :v", Map.of("v", 1.5d)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
