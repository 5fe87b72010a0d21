package io.team365.imports.internal.batch;

import io.team365.activities.ActivityImports;
import io.team365.companies.Company;
import io.team365.companies.CompanyFields;
import io.team365.companies.CompanyImports;
import io.team365.core.Ids;
import io.team365.core.InvalidInput;
import io.team365.imports.internal.mapping.Normalise;
import io.team365.privacy.ValueSources;
import io.team365.search.RecordKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Companies from a file. Duplicates are found by domain (from the domain or website column), then by name, in the
 * batch and in the database, one query per kind for the batch; then one insert and one update.
 */
@Component
class CompanyBatch implements BatchWriter {

    private record Candidate(
            MappedRow row, CompanyFields fields, ActivityImports.Note note, String domainKey, String nameKey) {}

    private static final class Target {
        final UUID id;
        final boolean existing;
        final List<Candidate> candidates = new ArrayList<>();

        Target(UUID id, boolean existing) {
            this.id = id;
            this.existing = existing;
        }
    }

    private final CompanyImports companies;
    private final RecordKeys keys;
    private final ValueSources sources;
    private final RowNotes notes;
    private final Reasons reasons;

    CompanyBatch(CompanyImports companies, RecordKeys keys, ValueSources sources, RowNotes notes, Reasons reasons) {
        this.companies = companies;
        this.notes = notes;
        this.keys = keys;
        this.sources = sources;
        this.reasons = reasons;
    }

    @Override
    public io.team365.imports.ImportObject object() {
        return io.team365.imports.ImportObject.COMPANIES;
    }

    @Override
    public void write(BatchContext context, List<MappedRow> rows, BatchResult result) {
        UnaryOperator<CompanyFields> check = companies.checker(context.owner());
        List<Candidate> candidates = new ArrayList<>();
        for (MappedRow row : rows) {
            if (row.problem() != null) {
                result.reject(row, row.problem());
                continue;
            }
            try {
                CompanyFields fields = check.apply(build(row, context));
                String domain = fields.domain() != null ? fields.domain() : RecordKeys.domainKey(fields.website());
                candidates.add(new Candidate(
                        row, fields, notes.of(row), RecordKeys.domainKey(domain), CompanyLinks.key(fields.name())));
            } catch (RowProblem problem) {
                result.reject(row, problem.getMessage());
            } catch (InvalidInput invalid) {
                result.reject(row, reasons.of(invalid));
            }
        }
        List<Target> targets = targets(context, candidates, result);
        Map<UUID, Company> existing = new HashMap<>();
        companies
                .find(targets.stream()
                        .filter(t -> t.existing && !t.candidates.isEmpty())
                        .map(t -> t.id)
                        .toList())
                .forEach(c -> existing.put(c.id(), c));
        List<CompanyImports.Draft> inserts = new ArrayList<>();
        List<CompanyImports.Draft> updates = new ArrayList<>();
        Map<UUID, Set<String>> sourceFields = new LinkedHashMap<>();
        List<ActivityImports.Draft> notesOf = new ArrayList<>();
        for (Target target : targets) {
            if (target.candidates.isEmpty()) {
                continue;
            }
            CompanyFields fields = null;
            if (target.existing) {
                Company stored = existing.get(target.id);
                if (stored == null) {
                    result.updated -= target.candidates.size();
                    result.skipped += target.candidates.size();
                    continue;
                }
                fields = CompanyFields.of(stored);
            }
            for (Candidate c : target.candidates) {
                fields = fields == null ? c.fields() : merge(fields, c.fields());
                Values.addSourceFields(sourceFields.computeIfAbsent(target.id, id -> new LinkedHashSet<>()), c.row());
                if (c.note() != null) {
                    notesOf.add(RowNotes.about(c.note(), "company", target.id));
                }
            }
            (target.existing ? updates : inserts).add(new CompanyImports.Draft(target.id, fields));
        }
        companies.insert(context.tenant(), inserts, context.owner());
        companies.update(updates, context.owner());
        result.created("company", inserts.stream().map(CompanyImports.Draft::id).toList());
        notes.insert(context, notesOf, result);
        sourceFields.values().removeIf(Set::isEmpty);
        sources.recordImported(
                context.tenant(),
                "company",
                sourceFields,
                inserts.stream().map(CompanyImports.Draft::id).collect(Collectors.toSet()),
                context.importId(),
                context.sourceDetail(),
                context.owner());
    }

    private static CompanyFields build(MappedRow row, BatchContext context) {
        String domain = row.one("domain");
        if (domain == null && row.has("website")) {
            domain = Normalise.domainOfWebsite(row.one("website")).orElse(null);
        }
        return new CompanyFields(
                row.one("name"),
                domain,
                row.one("industry"),
                Values.companySize(row.one("size")),
                new Company.Address(
                        row.one("street"),
                        row.one("city"),
                        row.one("region"),
                        row.one("postalCode"),
                        Values.country(row.one("country"))),
                row.one("phone"),
                row.has("website") ? Values.url(row.one("website")) : null,
                context.owner(),
                Values.tags(row.all("tags")),
                row.custom());
    }

    private List<Target> targets(BatchContext context, List<Candidate> candidates, BatchResult result) {
        Map<String, List<UUID>> byDomain = Map.of();
        Map<String, List<UUID>> byName = Map.of();
        if (!context.createDuplicates()) {
            Set<String> domains = new LinkedHashSet<>();
            Set<String> names = new LinkedHashSet<>();
            candidates.forEach(c -> {
                if (c.domainKey() != null) {
                    domains.add(c.domainKey());
                }
                names.add(c.nameKey());
            });
            byDomain = keys.recordsWith(context.tenant(), "company", RecordKeys.Kind.DOMAIN, domains);
            byName = companies.namedLike(names);
        }
        Map<String, Target> seen = new HashMap<>();
        Map<UUID, Target> existing = new LinkedHashMap<>();
        List<Target> targets = new ArrayList<>();
        for (Candidate c : candidates) {
            Target target = null;
            String domainKey = c.domainKey() == null ? null : "d:" + c.domainKey();
            String nameKey = "n:" + c.nameKey();
            if (!context.createDuplicates()) {
                List<UUID> stored = c.domainKey() == null ? null : byDomain.get(c.domainKey());
                if (stored == null) {
                    stored = byName.get(c.nameKey());
                }
                if (stored != null) {
                    target = existing.computeIfAbsent(stored.getFirst(), id -> {
                        Target t = new Target(id, true);
                        targets.add(t);
                        return t;
                    });
                } else {
                    target = domainKey == null ? null : seen.get(domainKey);
                    target = target != null ? target : seen.get(nameKey);
                }
            }
            if (target == null) {
                target = new Target(Ids.newId(), false);
                targets.add(target);
                result.created++;
            } else if (context.skipDuplicates()) {
                result.skipped++;
                continue;
            } else {
                result.updated++;
            }
            target.candidates.add(c);
            if (domainKey != null) {
                seen.putIfAbsent(domainKey, target);
            }
            seen.putIfAbsent(nameKey, target);
        }
        return targets;
    }

    private static CompanyFields merge(CompanyFields base, CompanyFields in) {
        Map<String, Object> custom = new LinkedHashMap<>(base.customFields());
        custom.putAll(in.customFields());
        Company.Address a = base.address();
        Company.Address b = in.address();
        return new CompanyFields(
                PeopleBatch.either(in.name(), base.name()),
                PeopleBatch.either(in.domain(), base.domain()),
                PeopleBatch.either(in.industry(), base.industry()),
                PeopleBatch.either(in.size(), base.size()),
                new Company.Address(
                        PeopleBatch.either(b.street(), a.street()),
                        PeopleBatch.either(b.city(), a.city()),
                        PeopleBatch.either(b.region(), a.region()),
                        PeopleBatch.either(b.postalCode(), a.postalCode()),
                        PeopleBatch.either(b.country(), a.country())),
                PeopleBatch.either(in.phone(), base.phone()),
                PeopleBatch.either(in.website(), base.website()),
                base.ownerId(),
                PeopleBatch.union(base.tags(), in.tags(), t -> t, 20),
                custom);
    }
}
