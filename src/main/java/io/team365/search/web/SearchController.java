package io.team365.search.web;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.core.web.PageContext;
import io.team365.search.RecordSearch;
import io.team365.search.SearchHit;
import io.team365.search.SearchKind;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The search results page and the command palette's suggestions (a fragment fetched as someone types). */
@Controller
class SearchController {

    private static final int PAGE_PER_KIND = 20;
    private static final int PALETTE_PER_KIND = 4;

    private final RecordSearch search;
    private final MessageSource messages;

    SearchController(RecordSearch search, MessageSource messages) {
        this.search = search;
        this.messages = messages;
    }

    @GetMapping("/search")
    String results(
            @RequestParam(required = false) String q,
            @ModelAttribute("page") PageContext page,
            Model model,
            Locale locale) {
        return find(q, PAGE_PER_KIND, model, locale, "search/results");
    }

    @GetMapping("/search/suggestions")
    String suggestions(
            @RequestParam(required = false) String q,
            @ModelAttribute("page") PageContext page,
            Model model,
            Locale locale) {
        return find(q, PALETTE_PER_KIND, model, locale, "search/suggestions");
    }

    private String find(String q, int perKind, Model model, Locale locale, String view) {
        String text = q == null ? "" : q.strip();
        FormErrors errors = FormErrors.none();
        List<SearchHit> hits = List.of();
        if (!text.isEmpty()) {
            try {
                hits = search.find(text, EnumSet.allOf(SearchKind.class), perKind, locale);
            } catch (InvalidInput invalid) {
                errors = FormErrors.of(invalid, messages, locale);
            }
        }
        Map<SearchKind, List<SearchHit>> groups = new LinkedHashMap<>();
        for (SearchKind kind : SearchKind.values()) {
            List<SearchHit> ofKind = hits.stream().filter(h -> h.kind() == kind).toList();
            if (!ofKind.isEmpty()) {
                groups.put(kind, ofKind);
            }
        }
        model.addAttribute("q", text.length() > RecordSearch.MAX_QUERY_LENGTH ? "" : text);
        model.addAttribute("groups", groups);
        model.addAttribute("count", hits.size());
        model.addAttribute("errors", errors);
        return view;
    }
}
