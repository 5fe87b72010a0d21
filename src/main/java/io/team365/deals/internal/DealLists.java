package io.team365.deals.internal;

import io.team365.core.InvalidInput;
import io.team365.core.Money;
import io.team365.core.paging.KeysetSort;
import io.team365.core.paging.KeysetSort.Column;
import io.team365.core.paging.KeysetSort.Type;
import io.team365.core.paging.Page;
import io.team365.core.paging.TextSearch;
import io.team365.deals.Deal;
import io.team365.deals.DealPage;
import io.team365.deals.DealQuery;
import io.team365.deals.StageKind;
import io.team365.identity.RecordScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Lists of deals as keyset pages, and the sums the board and the dashboard show. */
@Component
public class DealLists {

    /** A deal without a close date sorts after every dated one. */
    private static final LocalDate NO_DATE = LocalDate.of(9999, 12, 31);

    /** The orders a deal list can be in; the default is the most recently changed first. */
    static final KeysetSort<Deal> SORTS = new KeysetSort<>(
            new Column<>("updatedAt", "updated_at", Type.TIMESTAMP, Deal::updatedAt),
            true,
            new Column<>("createdAt", "created_at", Type.TIMESTAMP, Deal::createdAt),
            new Column<>("name", "lower(name)", Type.TEXT_LOWER, Deal::name),
            new Column<>(
                    "value",
                    "coalesce(amount, 0)",
                    Type.NUMBER,
                    d -> d.value() == null ? BigDecimal.ZERO : d.value().amount()),
            new Column<>(
                    "closeDate",
                    "coalesce(close_date, date '9999-12-31')",
                    Type.DATE,
                    d -> d.closeDate() == null ? NO_DATE : d.closeDate()));

    private final DealStore store;

    DealLists(DealStore store) {
        this.store = store;
    }

    public DealPage list(DealQuery query, RecordScope scope) {
        KeysetSort.checkedLimit(query.limit());
        KeysetSort.Order<Deal> order = SORTS.parse(query.sort());
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add(query.deleted() ? "deleted_at is not null" : "deleted_at is null");
        String pattern = TextSearch.containsPattern(query.q());
        if (pattern != null) {
            where.add("name ilike :q");
            params.put("q", pattern);
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            if (query.tag().length() > 50 || query.tag().indexOf('\0') >= 0) {
                throw InvalidInput.of("filter[tag]", "deal.tag");
            }
            where.add("tags @> array[cast(:tag as text)]");
            params.put("tag", query.tag().strip().toLowerCase(Locale.ROOT));
        }
        if (query.status() != null && !query.status().isBlank()) {
            StageKind status =
                    StageKind.parse(query.status()).orElseThrow(() -> InvalidInput.of("filter[status]", "deal.status"));
            where.add("status = :status");
            params.put("status", status.value());
        }
        equal(where, params, "pipeline_id", "pipeline", query.pipelineId());
        equal(where, params, "stage_id", "stage", query.stageId());
        equal(where, params, "owner_id", "owner", query.ownerId());
        equal(where, params, "company_id", "company", query.companyId());
        if (query.contactId() != null) {
            where.add("exists (select 1 from deal_contacts dc where dc.tenant_id = deals.tenant_id"
                    + " and dc.deal_id = deals.id and dc.contact_id = :contact)");
            params.put("contact", query.contactId());
        }
        where.add(scope.sql(null, params));
        if (query.cursor() != null && !query.cursor().isBlank()) {
            where.add(order.after(query.cursor(), params));
        }
        List<Deal> rows = store.list(String.join(" and ", where), params, order.orderBy(), query.limit() + 1);
        Page<Deal> page = KeysetSort.page(rows, query.limit(), order, Deal::id);
        return new DealPage(page.items(), page.nextCursor());
    }

    /** Per stage of the pipeline (by id as text): how many visible deals, and their value per currency. */
    public Map<String, Totals> byStage(java.util.UUID pipelineId, RecordScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("pipeline", pipelineId);
        String where = "pipeline_id = :pipeline and " + scope.sql(null, params);
        return grouped(store.sums("stage_id::text", where, params));
    }

    /** Won and lost deals (keys {@code won}, {@code lost}) closed since the start of this month (UTC). */
    public Map<String, Totals> closedThisMonth(RecordScope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = "status <> 'open' and closed_at >= date_trunc('month', now() at time zone 'UTC') at time zone"
                + " 'UTC' and " + scope.sql(null, params);
        return grouped(store.sums("status", where, params));
    }

    /** How many deals, and their value per currency (deals without a value only count). */
    public record Totals(int count, List<Money> values) {
        public static final Totals NONE = new Totals(0, List.of());
    }

    private static Map<String, Totals> grouped(List<DealStore.Sum> sums) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, List<Money>> values = new LinkedHashMap<>();
        for (DealStore.Sum sum : sums) {
            counts.merge(sum.group(), sum.count(), Integer::sum);
            List<Money> list = values.computeIfAbsent(sum.group(), k -> new ArrayList<>());
            if (sum.currency() != null) {
                list.add(new Money(sum.total(), sum.currency()));
            }
        }
        Map<String, Totals> totals = new LinkedHashMap<>();
        counts.forEach((group, count) -> totals.put(
                group,
                new Totals(
                        count,
                        values.get(group).stream()
                                .sorted(java.util.Comparator.comparing(Money::currency))
                                .toList())));
        return totals;
    }

    private static void equal(List<String> where, Map<String, Object> params, String column, String name, Object v) {
        if (v != null) {
            where.add(column + " = :" + name);
            params.put(name, v);
        }
    }
}
