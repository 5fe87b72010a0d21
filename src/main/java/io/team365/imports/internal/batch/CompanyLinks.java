package io.team365.imports.internal.batch;

import io.team365.companies.CompanyFields;
import io.team365.companies.CompanyImports;
import io.team365.core.Ids;
import io.team365.core.InvalidInput;
import io.team365.privacy.ValueSources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The companies named in a batch of contacts or deals: found by name (ignoring case) in one query, the missing ones
 * created in one statement (counted apart, and undone with the import).
 */
@Component
class CompanyLinks {

    private final CompanyImports companies;
    private final ValueSources sources;

    CompanyLinks(CompanyImports companies, ValueSources sources) {
        this.companies = companies;
        this.sources = sources;
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Name key → company id, for every name (created when missing). */
    Map<String, UUID> resolve(BatchContext context, Collection<String> names, BatchResult result) {
        Set<String> wanted = new LinkedHashSet<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        for (String name : names) {
            String key = key(name);
            if (!key.isEmpty() && wanted.add(key)) {
                spelling.put(key, name.strip());
            }
        }
        Map<String, UUID> found = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        companies.namedLike(wanted).forEach((key, ids) -> found.put(key, ids.getFirst()));
        UnaryOperator<CompanyFields> check = companies.checker(context.owner());
        List<CompanyImports.Draft> drafts = new ArrayList<>();
        for (String key : wanted) {
            if (found.containsKey(key)) {
                continue;
            }
            try {
                CompanyFields fields = check.apply(new CompanyFields(
                        spelling.get(key), null, null, null, null, null, null, context.owner(), null, null));
                UUID id = Ids.newId();
                drafts.add(new CompanyImports.Draft(id, fields));
                found.put(key, id);
            } catch (InvalidInput invalid) {
                // a name no company may have (too long was refused with the row): the record stays unlinked
            }
        }
        companies.insert(context.tenant(), drafts, context.owner());
        List<UUID> ids = drafts.stream().map(CompanyImports.Draft::id).toList();
        result.companies += ids.size();
        result.created("company", ids);
        Map<UUID, List<String>> named = new LinkedHashMap<>();
        ids.forEach(id -> named.put(id, List.of("name")));
        sources.recordImported(
                context.tenant(),
                "company",
                named,
                named.keySet(),
                context.importId(),
                context.sourceDetail(),
                context.owner());
        return found;
    }
}
