package io.team365.exports.web;

import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.web.FormErrors;
import io.team365.core.web.ListState;
import io.team365.exports.Export;
import io.team365.exports.ExportDownloads;
import io.team365.exports.ExportFormat;
import io.team365.exports.ExportManagement;
import io.team365.exports.ExportObject;
import io.team365.exports.ExportSelection;
import io.team365.identity.Actors;
import io.team365.views.ViewManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
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

/**
 * The export pages: the Export button of a list leads to a small form carrying the list's search and filters (a
 * plain form, no script needed), then to the export's page, whose progress bar htmx refreshes every second until the
 * file is ready; "Your exports" under Settings lists the recent ones.
 */
@Controller
class ExportController {

    private final ExportManagement exports;
    private final ViewManagement views;
    private final MessageSource messages;

    ExportController(ExportManagement exports, ViewManagement views, MessageSource messages) {
        this.exports = exports;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/exports/new/{object}")
    String form(@PathVariable String object, HttpServletRequest request, Model model) {
        ExportObject what = ExportObject.parse(object).orElseThrow(() -> new NotFound("export object"));
        ListState state = views.resolve(ListState.from(request));
        return form(model, what, state, "csv", FormErrors.none());
    }

    @PostMapping("/exports")
    String start(
            @RequestParam(required = false) String object,
            @RequestParam(required = false) String format,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        ListState state = ListState.from(request);
        try {
            Export export =
                    exports.start(object, format, new ExportSelection(state.q(), state.filters()), Actors.of(request));
            return "redirect:/exports/" + export.id();
        } catch (InvalidInput invalid) {
            ExportObject what = ExportObject.parse(object).orElse(null);
            if (what == null) {
                throw invalid;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, what, state, format, FormErrors.of(invalid, messages, locale));
        }
    }

    @GetMapping("/exports/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("export", exports.view(id));
        return "exports/show";
    }

    /** The progress fragment htmx polls; once finished it no longer asks to be polled. */
    @GetMapping("/exports/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("export", exports.view(id));
        return "exports/progress";
    }

    @PostMapping("/exports/{id}/cancel")
    String cancel(@PathVariable UUID id, HttpServletRequest request) {
        exports.cancel(id, Actors.of(request));
        return "redirect:/exports/" + id;
    }

    @GetMapping("/exports/{id}/file")
    void file(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportDownloads.send(exports.download(id, Actors.of(request)), response);
    }

    @GetMapping("/settings/exports")
    String mine(Model model) {
        model.addAttribute("exports", exports.mine(50));
        return "exports/mine";
    }

    private String form(Model model, ExportObject what, ListState state, String format, FormErrors errors) {
        model.addAttribute("object", what);
        model.addAttribute("state", state);
        model.addAttribute(
                "formats",
                Arrays.stream(ExportFormat.values())
                        .filter(f -> f.accepts(what))
                        .toList());
        model.addAttribute("chosen", format == null ? "csv" : format);
        model.addAttribute("listPath", listPath(what));
        model.addAttribute("errors", errors);
        return "exports/new";
    }

    /** Where the list of the object is, with the same search and filters. */
    private static String listPath(ExportObject what) {
        return what == ExportObject.DEALS ? "/deals/list" : "/" + what.value();
    }
}
