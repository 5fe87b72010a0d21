package io.team365.search.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.Validation;
import io.team365.search.RecordSearch;
import io.team365.search.SearchHit;
import io.team365.search.SearchKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search")
class SearchApiController {

    private final RecordSearch search;

    SearchApiController(RecordSearch search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    @Operation(
            summary = "Find contacts, companies, leads and deals by name, email, phone, domain or company: exact"
                    + " email, phone and domain hits first, then names starting with q, then all words in any order,"
                    + " then people and deals of companies whose name starts with q, then similar spelling; accents"
                    + " and case do not matter. Only records the caller may open.")
    Results search(
            @Parameter(description = "1 to 200 characters") @RequestParam(required = false) String q,
            @Parameter(description = "comma-separated: contacts, companies, leads, deals (default all)")
                    @RequestParam(required = false)
                    String types,
            @Parameter(description = "results per type, 1 to 50") @RequestParam(defaultValue = "10") int limit,
            Locale locale) {
        Set<SearchKind> kinds = kinds(types);
        return new Results(
                search.find(q, kinds, limit, locale).stream().map(Result::of).toList());
    }

    static Set<SearchKind> kinds(String types) {
        Set<SearchKind> kinds = EnumSet.noneOf(SearchKind.class);
        if (types == null || types.isBlank()) {
            return kinds;
        }
        for (String name : types.split(",")) {
            SearchKind.named(name)
                    .ifPresentOrElse(
                            kinds::add,
                            () -> Validation.start()
                                    .reject("types", "search.unknown-type")
                                    .throwIfInvalid());
        }
        return kinds;
    }

    /** The list envelope of API.md, like every list of the API. */
    record Results(List<Result> data) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String type, UUID id, String title, String subtitle, String url, String match) {
        static Result of(SearchHit hit) {
            return new Result(
                    hit.kind().value(),
                    hit.id(),
                    hit.title(),
                    hit.subtitle().isEmpty() ? null : hit.subtitle(),
                    hit.url(),
                    hit.match());
        }
    }
}
