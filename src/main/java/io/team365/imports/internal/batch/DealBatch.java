package io.team365.imports.internal.batch;

import io.team365.activities.ActivityImports;
import io.team365.core.Ids;
import io.team365.core.InvalidInput;
import io.team365.core.Money;
import io.team365.deals.DealFields;
import io.team365.deals.DealImports;
import io.team365.deals.Pipeline;
import io.team365.deals.Stage;
import io.team365.imports.internal.mapping.Normalise;
import io.team365.search.RecordKeys;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Deals from a file: the pipeline and stage by name (the default pipeline and its first open stage when not given),
 * the amount with its currency, the company by name (created when missing) and the contact by email. Deals are
 * never duplicates of each other: every valid record is created.
 */
@Component
class DealBatch implements BatchWriter {

    private record Candidate(
            MappedRow row,
            DealFields fields,
            ActivityImports.Note note,
            Pipeline pipeline,
            String company,
            String email) {}

    private final DealImports deals;
    private final CompanyLinks companies;
    private final RecordKeys keys;
    private final RowNotes notes;
    private final Reasons reasons;

    DealBatch(DealImports deals, CompanyLinks companies, RecordKeys keys, RowNotes notes, Reasons reasons) {
        this.deals = deals;
        this.notes = notes;
        this.companies = companies;
        this.keys = keys;
        this.reasons = reasons;
    }

    @Override
    public io.team365.imports.ImportObject object() {
        return io.team365.imports.ImportObject.DEALS;
    }

    @Override
    public void write(BatchContext context, List<MappedRow> rows, BatchResult result) {
        List<Pipeline> pipelines = deals.pipelines(context.tenant());
        DealImports.Checker check = deals.checker(context.owner());
        List<Candidate> candidates = new ArrayList<>();
        for (MappedRow row : rows) {
            if (row.problem() != null) {
                result.reject(row, row.problem());
                continue;
            }
            try {
                Pipeline pipeline = pipeline(pipelines, row.one("pipeline"));
                UUID stage = stage(pipeline, row.one("stage"));
                String email = row.has("contactEmail")
                        ? Normalise.email(row.one("contactEmail"))
                                .orElseThrow(() -> new RowProblem("contactEmail: not an email address"))
                        : null;
                String company = row.one("company");
                if (company != null && company.length() > 200) {
                    throw new RowProblem("company: " + reasons.text("validation.too-long", 200));
                }
                DealFields fields = new DealFields(
                        row.one("name"),
                        pipeline.id(),
                        stage,
                        money(row),
                        date(row.one("closeDate")),
                        null,
                        List.of(),
                        context.owner(),
                        Values.tags(row.all("tags")),
                        row.custom(),
                        null,
                        null);
                DealImports.Checked checked = check.check(fields, pipeline);
                candidates.add(new Candidate(row, checked.fields(), notes.of(row), pipeline, company, email));
            } catch (RowProblem problem) {
                result.reject(row, problem.getMessage());
            } catch (InvalidInput invalid) {
                result.reject(row, reasons.of(invalid));
            }
        }
        Map<String, UUID> companyIds = companies.resolve(
                context,
                candidates.stream()
                        .map(Candidate::company)
                        .filter(Objects::nonNull)
                        .toList(),
                result);
        Set<String> emails = new LinkedHashSet<>();
        candidates.stream().map(Candidate::email).filter(Objects::nonNull).forEach(emails::add);
        Map<String, List<UUID>> contacts = keys.recordsWith(context.tenant(), "contact", RecordKeys.Kind.EMAIL, emails);
        List<DealImports.Draft> drafts = new ArrayList<>();
        List<ActivityImports.Draft> notesOf = new ArrayList<>();
        for (Candidate c : candidates) {
            DealFields f = c.fields();
            UUID company = c.company() == null ? null : companyIds.get(CompanyLinks.key(c.company()));
            List<UUID> linked = c.email() == null || !contacts.containsKey(c.email())
                    ? List.of()
                    : List.of(contacts.get(c.email()).getFirst());
            DealFields withLinks = new DealFields(
                    f.name(),
                    f.pipelineId(),
                    f.stageId(),
                    f.value(),
                    f.closeDate(),
                    company,
                    linked,
                    f.ownerId(),
                    f.tags(),
                    f.customFields(),
                    f.lostReason(),
                    f.wonReason());
            Stage stage = c.pipeline().stage(f.stageId()).orElseThrow();
            UUID id = Ids.newId();
            drafts.add(new DealImports.Draft(id, withLinks, stage.kind()));
            if (c.note() != null) {
                notesOf.add(RowNotes.about(c.note(), "deal", id));
            }
        }
        deals.insert(context.tenant(), drafts, context.owner());
        result.created += drafts.size();
        result.created("deal", drafts.stream().map(DealImports.Draft::id).toList());
        notes.insert(context, notesOf, result);
    }

    private static Pipeline pipeline(List<Pipeline> pipelines, String name) {
        if (name == null) {
            return pipelines.getFirst();
        }
        return pipelines.stream()
                .filter(p -> p.name().equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseThrow(() -> new RowProblem("pipeline: no pipeline has this name"));
    }

    private static UUID stage(Pipeline pipeline, String name) {
        if (name == null) {
            return null; // the pipeline's first open stage
        }
        return pipeline.stages().stream()
                .filter(s -> s.name().equalsIgnoreCase(name.strip()))
                .findFirst()
                .map(Stage::id)
                .orElseThrow(() -> new RowProblem("stage: the pipeline has no stage with this name"));
    }

    private static Money money(MappedRow row) {
        String amount = row.one("amount");
        if (amount == null) {
            return null;
        }
        // "1.250,00" and "1,250.00" both mean one thousand two hundred and fifty
        String plain = amount.replaceAll("[^0-9,.-]", "");
        if (plain.matches(".*,\\d{1,2}$")) {
            plain = plain.replace(".", "").replace(',', '.');
        } else {
            plain = plain.replace(",", "");
        }
        return Money.of(plain, row.one("currency"), "amount");
    }

    private static LocalDate date(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new RowProblem("closeDate: not a date (YYYY-MM-DD)");
        }
    }
}
