package io.team365.privacy.web;

import io.team365.core.NotFound;
import io.team365.core.RecordLinks;
import io.team365.identity.Actors;
import io.team365.privacy.ConsentManagement;
import io.team365.privacy.ConsentPurpose;
import io.team365.privacy.PreferenceLinks;
import io.team365.privacy.ValueSources;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The privacy panels of record pages, fetched by htmx: a contact's consent (with a preference link to copy), and
 * "Where this data came from" on contacts, leads and companies.
 */
@Controller
class PrivacyPanels {

    private final ConsentManagement consents;
    private final PreferenceLinks links;
    private final ValueSources sources;
    private final RecordLinks records;
    private final MessageSource messages;

    PrivacyPanels(
            ConsentManagement consents,
            PreferenceLinks links,
            ValueSources sources,
            RecordLinks records,
            MessageSource messages) {
        this.consents = consents;
        this.links = links;
        this.sources = sources;
        this.records = records;
        this.messages = messages;
    }

    @GetMapping("/privacy/contacts/{id}/consents-panel")
    String consents(@PathVariable UUID id, Model model) {
        return consentPanel(id, null, model);
    }

    /** A new preference link, shown in the panel to copy; members and above (the link changes consent). */
    @PostMapping("/privacy/contacts/{id}/preference-link")
    String link(@PathVariable UUID id, HttpServletRequest request, Model model) {
        PreferenceLinks.Links made;
        try {
            made = links.forContact(id, Actors.of(request));
        } catch (NotFound missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return consentPanel(id, made.preferenceUrl(), model);
    }

    @GetMapping("/privacy/sources-panel")
    String sources(
            @RequestParam(defaultValue = "") String recordType,
            @RequestParam(required = false) UUID recordId,
            Model model,
            Locale locale) {
        if (!ValueSources.RECORD_TYPES.contains(recordType)
                || records.find(recordType, recordId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<SourceRow> rows = sources.of(recordType, recordId).stream()
                .map(o -> new SourceRow(
                        messages.getMessage("sources.field." + o.field(), null, o.field(), locale),
                        o.source(),
                        o.detail() == null
                                ? null
                                : messages.getMessage("sources.detail." + o.detail(), null, o.detail(), locale),
                        o.recordedAt()))
                .toList();
        model.addAttribute("rows", rows);
        return "privacy/sources-panel";
    }

    private String consentPanel(UUID id, String link, Model model) {
        ConsentManagement.ConsentState state;
        List<ConsentPurpose> purposes;
        try {
            state = consents.of(id);
            purposes = consents.purposes();
        } catch (NotFound missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<ConsentRow> rows = purposes.stream()
                .filter(p -> !p.archived()
                        || state.current().stream().anyMatch(c -> c.purpose().equals(p.key())))
                .map(p -> state.current().stream()
                        .filter(c -> c.purpose().equals(p.key()))
                        .findFirst()
                        .map(c -> new ConsentRow(p, c.granted(), c.method(), c.recordedAt()))
                        .orElse(new ConsentRow(p, null, null, null)))
                .toList();
        model.addAttribute("contactId", id);
        model.addAttribute("rows", rows);
        model.addAttribute("link", link);
        return "privacy/consents-panel";
    }
}
