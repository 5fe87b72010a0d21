package io.team365.imports.internal.batch;

import io.team365.activities.ActivityImports;
import io.team365.core.InvalidInput;
import io.team365.core.ProcessingRestrictions;
import io.team365.core.TenantId;
import io.team365.imports.internal.mapping.Normalise;
import io.team365.privacy.ConsentManagement;
import io.team365.privacy.SuppressionList;
import io.team365.privacy.ValueSources;
import io.team365.search.RecordKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One batch of people (contacts or leads), set-based from end to end: every record built and checked on its own
 * (a bad one rejected whole), suppressed subjects dropped, duplicates found by email then phone within the batch and
 * in the database (one query per kind for the whole batch), then one insert and one update for the batch.
 *
 * @param <F> the record's fields
 * @param <R> the stored record
 */
abstract class PeopleBatch<F, R> implements BatchWriter {

    /** A record of the file that passed its checks, on its way to a target record; {@code note} null if none. */
    private record Candidate<T>(MappedRow row, T fields, ActivityImports.Note note) {}

    /** Where candidates go: a new record, or an existing one (loaded later); several candidates may merge into one. */
    private static final class Target<T> {
        final UUID id;
        final boolean existing;
        final List<Candidate<T>> candidates = new ArrayList<>();

        Target(UUID id, boolean existing) {
            this.id = id;
            this.existing = existing;
        }
    }

    private final RecordKeys keys;
    private final SuppressionList suppression;
    private final ValueSources sources;
    private final ConsentManagement consent;
    private final ProcessingRestrictions restrictions;
    private final CompanyLinks companies;
    private final RowNotes notes;
    protected final Reasons reasons;

    PeopleBatch(
            RecordKeys keys,
            SuppressionList suppression,
            ValueSources sources,
            ConsentManagement consent,
            ProcessingRestrictions restrictions,
            CompanyLinks companies,
            RowNotes notes,
            Reasons reasons) {
        this.keys = keys;
        this.notes = notes;
        this.suppression = suppression;
        this.sources = sources;
        this.consent = consent;
        this.restrictions = restrictions;
        this.companies = companies;
        this.reasons = reasons;
    }

    abstract String recordType();

    abstract UnaryOperator<F> checker(UUID owner);

    /** The record's fields from the row, owned by {@code owner}; throws {@link RowProblem} for a bad value. */
    abstract F build(MappedRow row, BatchContext context);

    abstract List<String> emails(F fields);

    abstract List<String> phones(F fields);

    /** The company the row names, to link or create (contacts); null when none or not linked (leads). */
    abstract String companyName(MappedRow row);

    abstract F withCompany(F fields, UUID companyId);

    /** Whether records without a company column are linked to the company of their email's domain (contacts). */
    abstract boolean linksCompaniesByDomain();

    abstract List<R> find(Collection<UUID> ids);

    abstract UUID idOf(R record);

    abstract F fieldsOf(R record);

    /** {@code base} with the incoming values: given fields overwrite, emails, phones and tags are merged. */
    abstract F merge(F base, F incoming);

    abstract void insert(TenantId tenant, Map<UUID, F> records, UUID by);

    abstract void update(Map<UUID, F> records, UUID by);

    @Override
    public void write(BatchContext context, List<MappedRow> rows, BatchResult result) {
        write(context, rows, prepare(context, rows, result), result);
    }

    /** Every row built and checked: needs only the rows and the Client's custom field definitions. */
    @Override
    public Object prepare(BatchContext context, List<MappedRow> rows, BatchResult result) {
        return checked(context, rows, result);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(BatchContext context, List<MappedRow> rows, Object prepared, BatchResult result) {
        List<Candidate<F>> candidates = (List<Candidate<F>>) prepared;
        candidates = withoutSuppressed(context.tenant(), candidates, result);
        Map<String, UUID> companyIds = companies.resolve(
                context,
                candidates.stream()
                        .map(c -> companyName(c.row()))
                        .filter(Objects::nonNull)
                        .toList(),
                result);
        Map<String, UUID> byDomain = companiesByEmailDomain(context, candidates);
        List<Target<F>> targets = targets(context, candidates, result);
        Map<UUID, F> inserts = new LinkedHashMap<>();
        Map<UUID, F> updates = new LinkedHashMap<>();
        Map<UUID, R> existing = new HashMap<>();
        find(targets.stream()
                        .filter(t -> t.existing && !t.candidates.isEmpty())
                        .map(t -> t.id)
                        .toList())
                .forEach(r -> existing.put(idOf(r), r));
        Set<UUID> restricted = restrictions.restrictedAmong(recordType(), existing.keySet());
        Map<UUID, Set<String>> sourceFields = new LinkedHashMap<>();
        List<ActivityImports.Draft> notesOf = new ArrayList<>();
        for (Target<F> target : targets) {
            if (target.candidates.isEmpty()) {
                continue; // a duplicate that was skipped
            }
            F fields = null;
            if (target.existing) {
                R record = existing.get(target.id);
                if (record == null || restricted.contains(target.id)) {
                    // gone since its key was read, or its processing is restricted: left as it is
                    result.updated -= target.candidates.size();
                    result.skipped += target.candidates.size();
                    continue;
                }
                fields = fieldsOf(record);
            }
            for (Candidate<F> candidate : target.candidates) {
                String company = companyName(candidate.row());
                UUID companyId = company == null
                        ? domainCompany(candidate.fields(), byDomain)
                        : companyIds.get(CompanyLinks.key(company));
                F incoming = companyId == null ? candidate.fields() : withCompany(candidate.fields(), companyId);
                fields = fields == null ? incoming : merge(fields, incoming);
                Values.addSourceFields(
                        sourceFields.computeIfAbsent(target.id, id -> new LinkedHashSet<>()), candidate.row());
                if (candidate.note() != null) {
                    // one note per record of the file, even when several records merge into one
                    notesOf.add(RowNotes.about(candidate.note(), recordType(), target.id));
                }
            }
            (target.existing ? updates : inserts).put(target.id, fields);
        }
        insert(context.tenant(), inserts, context.owner());
        update(updates, context.owner());
        result.created(recordType(), new ArrayList<>(inserts.keySet()));
        notes.insert(context, notesOf, result);
        sourceFields.values().removeIf(Set::isEmpty);
        sources.recordImported(
                context.tenant(),
                recordType(),
                sourceFields,
                inserts.keySet(),
                context.importId(),
                context.sourceDetail(),
                context.owner());
        if (context.consentPurpose() != null && recordType().equals("contact")) {
            List<UUID> consented = new ArrayList<>(inserts.keySet());
            consented.addAll(updates.keySet());
            consent.recordImported(
                    context.tenant(),
                    context.consentPurpose(),
                    consented,
                    "import " + context.importId(),
                    context.owner());
        }
    }

    /**
     * For records without a company column: existing companies by the domain of the records' emails (company
     * domains only, not free-mail providers), in one query.
     */
    private Map<String, UUID> companiesByEmailDomain(BatchContext context, List<Candidate<F>> candidates) {
        if (!linksCompaniesByDomain()) {
            return Map.of();
        }
        Set<String> domains = new LinkedHashSet<>();
        for (Candidate<F> c : candidates) {
            if (companyName(c.row()) == null && !emails(c.fields()).isEmpty()) {
                Normalise.companyDomainOfEmail(emails(c.fields()).getFirst())
                        .map(RecordKeys::domainKey)
                        .ifPresent(domains::add);
            }
        }
        Map<String, UUID> found = new HashMap<>();
        keys.recordsWith(context.tenant(), "company", RecordKeys.Kind.DOMAIN, domains)
                .forEach((domain, ids) -> found.put(domain, ids.getFirst()));
        return found;
    }

    private UUID domainCompany(F fields, Map<String, UUID> byDomain) {
        if (byDomain.isEmpty() || emails(fields).isEmpty()) {
            return null;
        }
        return Normalise.companyDomainOfEmail(emails(fields).getFirst())
                .map(RecordKeys::domainKey)
                .map(byDomain::get)
                .orElse(null);
    }

    /** Every row built and checked on its own; a bad row is rejected whole, with the reason. */
    private List<Candidate<F>> checked(BatchContext context, List<MappedRow> rows, BatchResult result) {
        UnaryOperator<F> check = checker(context.owner());
        List<Candidate<F>> candidates = new ArrayList<>();
        for (MappedRow row : rows) {
            if (row.problem() != null) {
                result.reject(row, row.problem());
                continue;
            }
            try {
                String company = companyName(row);
                if (company != null && company.length() > 200) {
                    throw new RowProblem("company: " + reasons.text("validation.too-long", 200));
                }
                candidates.add(new Candidate<>(row, check.apply(build(row, context)), notes.of(row)));
            } catch (RowProblem problem) {
                result.reject(row, problem.getMessage());
            } catch (InvalidInput invalid) {
                result.reject(row, reasons.of(invalid));
            }
        }
        return candidates;
    }

    /** Drops (and counts) the records with an email or phone of someone erased from the Client: one query. */
    private List<Candidate<F>> withoutSuppressed(TenantId tenant, List<Candidate<F>> candidates, BatchResult result) {
        Set<String> values = new HashSet<>();
        candidates.forEach(c -> {
            values.addAll(emails(c.fields()));
            values.addAll(phones(c.fields()));
        });
        Set<String> suppressed = suppression.suppressedAmong(tenant, values);
        if (suppressed.isEmpty()) {
            return candidates;
        }
        List<Candidate<F>> kept = new ArrayList<>();
        for (Candidate<F> c : candidates) {
            boolean erased = emails(c.fields()).stream().anyMatch(suppressed::contains)
                    || phones(c.fields()).stream().anyMatch(suppressed::contains);
            if (erased) {
                result.suppressed++;
            } else {
                kept.add(c);
            }
        }
        return kept;
    }

    /**
     * Assigns every candidate a target, in file order: a record in the database with one of its emails (or, for a
     * candidate without an email, one of its phones), else an earlier record of this batch with one, else a new record; skipped or merged as the import
     * says. Counts created, updated and skipped.
     */
    private List<Target<F>> targets(BatchContext context, List<Candidate<F>> candidates, BatchResult result) {
        Set<String> emailKeys = new LinkedHashSet<>();
        Set<String> phoneKeys = new LinkedHashSet<>();
        for (Candidate<F> c : candidates) {
            List<String> own = emails(c.fields()).stream()
                    .map(RecordKeys::emailKey)
                    .filter(Objects::nonNull)
                    .toList();
            emailKeys.addAll(own);
            if (own.isEmpty()) {
                // a phone is looked up only for a record without an email (see firstMatch)
                phones(c.fields()).stream()
                        .map(RecordKeys::phoneKey)
                        .filter(Objects::nonNull)
                        .forEach(phoneKeys::add);
            }
        }
        Map<String, List<UUID>> byEmail = Map.of();
        Map<String, List<UUID>> byPhone = Map.of();
        if (!context.createDuplicates()) {
            byEmail = keys.recordsWith(context.tenant(), recordType(), RecordKeys.Kind.EMAIL, emailKeys);
            byPhone = keys.recordsWith(context.tenant(), recordType(), RecordKeys.Kind.PHONE, phoneKeys);
        }
        Map<String, Target<F>> seen = new HashMap<>();
        Map<UUID, Target<F>> existing = new HashMap<>();
        List<Target<F>> targets = new ArrayList<>();
        for (Candidate<F> c : candidates) {
            List<String> keysOf = new ArrayList<>();
            emails(c.fields()).stream()
                    .map(RecordKeys::emailKey)
                    .filter(Objects::nonNull)
                    .forEach(k -> keysOf.add("e:" + k));
            phones(c.fields()).stream()
                    .map(RecordKeys::phoneKey)
                    .filter(Objects::nonNull)
                    .forEach(k -> keysOf.add("p:" + k));
            // a phone identifies someone only when they have no email: colleagues share a switchboard number
            boolean hasEmail = keysOf.stream().anyMatch(k -> k.startsWith("e:"));
            List<String> matchBy = keysOf.stream()
                    .filter(k -> k.startsWith(hasEmail ? "e:" : "p:"))
                    .toList();
            Target<F> target = null;
            if (!context.createDuplicates()) {
                UUID stored = firstMatch(c, byEmail, byPhone);
                if (stored != null) {
                    target = existing.computeIfAbsent(stored, id -> {
                        Target<F> t = new Target<>(id, true);
                        targets.add(t);
                        return t;
                    });
                } else {
                    target = matchBy.stream()
                            .map(seen::get)
                            .filter(Objects::nonNull)
                            .findFirst()
                            .orElse(null);
                }
            }
            if (target == null) {
                target = new Target<>(io.team365.core.Ids.newId(), false);
                targets.add(target);
                result.created++;
            } else if (context.skipDuplicates()) {
                result.skipped++;
                continue;
            } else {
                result.updated++;
            }
            target.candidates.add(c);
            for (String key : keysOf) {
                seen.putIfAbsent(key, target);
            }
        }
        return targets;
    }

    /** The stored record with one of the candidate's emails; by phone only for a candidate without an email. */
    private UUID firstMatch(Candidate<F> c, Map<String, List<UUID>> byEmail, Map<String, List<UUID>> byPhone) {
        for (String email : emails(c.fields())) {
            List<UUID> ids = byEmail.get(RecordKeys.emailKey(email));
            if (ids != null) {
                return ids.getFirst();
            }
        }
        if (emails(c.fields()).stream().map(RecordKeys::emailKey).anyMatch(Objects::nonNull)) {
            return null;
        }
        for (String phone : phones(c.fields())) {
            List<UUID> ids = byPhone.get(RecordKeys.phoneKey(phone));
            if (ids != null) {
                return ids.getFirst();
            }
        }
        return null;
    }

    /** {@code base} followed by the new values not in it yet, at most {@code max}. */
    static <T> List<T> union(List<T> base, List<T> more, java.util.function.Function<T, Object> key, int max) {
        List<T> merged = new ArrayList<>(base);
        Set<Object> known = new HashSet<>();
        base.forEach(v -> known.add(key.apply(v)));
        for (T value : more) {
            if (merged.size() < max && known.add(key.apply(value))) {
                merged.add(value);
            }
        }
        return merged;
    }

    static <T> T either(T incoming, T base) {
        return incoming != null ? incoming : base;
    }
}
