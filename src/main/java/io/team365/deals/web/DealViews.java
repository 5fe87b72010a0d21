package io.team365.deals.web;

import io.team365.core.Money;
import io.team365.core.RecordLinks;
import io.team365.core.RecordRef;
import io.team365.deals.Deal;
import io.team365.deals.Pipeline;
import io.team365.deals.Stage;
import io.team365.deals.StageTotal;
import io.team365.identity.Member;
import io.team365.identity.TeamManagement;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Turns deals into what the pages show: cards with company names, owners' initials and money in the reader's locale. */
@Component
public class DealViews {

    /** A deal as a card on the board or a row of a list. */
    public record Card(
            String id,
            String name,
            String company,
            String companyPath,
            String value,
            String closeDate,
            String ownerInitials,
            String ownerName,
            int version,
            String stageId,
            String stageName,
            String status) {}

    /** A column of the board: the stage, its deals and their totals. */
    public record Column(Stage stage, int count, String totals, List<Card> cards) {}

    private final RecordLinks records;
    private final TeamManagement team;

    DealViews(RecordLinks records, TeamManagement team) {
        this.records = records;
        this.team = team;
    }

    /** Cards for the deals; each company and owner is looked up once however many deals share it. */
    public List<Card> cards(List<Deal> deals, Map<UUID, Pipeline> pipelines, Locale locale) {
        Map<UUID, Member> members =
                team.members().stream().collect(Collectors.toMap(Member::userId, m -> m, (a, b) -> a));
        Map<UUID, RecordRef> companies = new HashMap<>();
        return deals.stream()
                .map(d -> {
                    RecordRef company = d.companyId() == null
                            ? null
                            : companies.computeIfAbsent(
                                    d.companyId(),
                                    id -> records.find("company", id).orElse(null));
                    Member owner = d.ownerId() == null ? null : members.get(d.ownerId());
                    Pipeline pipeline = pipelines.get(d.pipelineId());
                    String stageName = pipeline == null
                            ? ""
                            : pipeline.stage(d.stageId()).map(Stage::name).orElse("");
                    return new Card(
                            d.id().toString(),
                            d.name(),
                            company == null ? null : company.title(),
                            company == null ? null : company.path(),
                            money(d.value(), locale),
                            d.closeDate() == null
                                    ? null
                                    : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                            .withLocale(locale)
                                            .format(d.closeDate()),
                            owner == null ? "" : initials(owner.name(), locale),
                            owner == null ? "" : owner.name(),
                            d.version(),
                            d.stageId().toString(),
                            stageName,
                            d.status().value());
                })
                .toList();
    }

    public List<Column> columns(Pipeline pipeline, List<StageTotal> totals, List<Card> cards, Locale locale) {
        return pipeline.stages().stream()
                .map(stage -> {
                    StageTotal total = totals.stream()
                            .filter(t -> t.stageId().equals(stage.id()))
                            .findFirst()
                            .orElse(new StageTotal(stage.id(), stage.name(), 0, List.of()));
                    return new Column(
                            stage,
                            total.count(),
                            totals(total.totals(), locale),
                            cards.stream()
                                    .filter(c -> c.stageId().equals(stage.id().toString()))
                                    .toList());
                })
                .toList();
    }

    public static String totals(List<Money> sums, Locale locale) {
        return sums.stream().map(m -> money(m, locale)).collect(Collectors.joining(" · "));
    }

    public static String money(Money money, Locale locale) {
        if (money == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(money.currency()));
        return format.format(money.amount());
    }

    public List<Member> members() {
        return team.members();
    }

    public String title(String type, String id) {
        try {
            return records.find(type, UUID.fromString(id)).map(RecordRef::title).orElse(id);
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    private static String initials(String name, Locale locale) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String[] parts = name.strip().split("\\s+");
        String last = parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "";
        return (parts[0].substring(0, 1) + last).toUpperCase(locale);
    }
}
