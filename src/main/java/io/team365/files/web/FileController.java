package io.team365.files.web;

import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.RecordRef;
import io.team365.core.web.FormErrors;
import io.team365.files.Attachment;
import io.team365.files.FileManagement;
import io.team365.files.internal.FileSizes;
import io.team365.identity.Actors;
import io.team365.identity.Member;
import io.team365.identity.TeamManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The files panel of a record page, fetched by htmx ({@code GET /files/panel}) and also a page of its own at the
 * same URL. Its forms post plainly and come back to {@code returnTo}; {@code files.js} sends them in the
 * background instead (with upload progress) and swaps in the panel this answers with.
 */
@Controller
class FileController {

    private static final int SHOWN = 200;

    private final FileManagement files;
    private final TeamManagement team;
    private final MessageSource messages;

    FileController(FileManagement files, TeamManagement team, MessageSource messages) {
        this.files = files;
        this.team = team;
        this.messages = messages;
    }

    @GetMapping("/files/panel")
    String panel(
            @RequestParam(required = false) String recordType,
            @RequestParam(required = false) UUID recordId,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) UUID undo,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        RecordRef record = visibleRecord(recordType, recordId);
        String shownDone = done != null && done.matches("attached|removed|restored") ? done : null;
        return render(model, request, record, FormErrors.none(), shownDone, undo, null, locale);
    }

    @PostMapping("/files")
    String upload(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String recordType,
            @RequestParam(required = false) UUID recordId,
            @RequestParam(required = false) String returnTo,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        RecordRef record = visibleRecord(recordType, recordId);
        try {
            files.attach(record.type(), record.id(), FileHttp.upload(file), Actors.of(request));
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            FormErrors errors = FormErrors.of(invalid, messages, locale);
            return render(model, request, record, errors, null, null, returnTo, locale);
        }
        return done(model, request, record, "attached", null, returnTo, locale);
    }

    @PostMapping("/files/{id}/delete")
    String delete(
            @PathVariable UUID id,
            @RequestParam(required = false) String returnTo,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        Attachment attachment = found(() -> files.trash(id, Actors.of(request)));
        return done(model, request, recordOf(attachment), "removed", id, returnTo, locale);
    }

    @PostMapping("/files/{id}/restore")
    String restore(
            @PathVariable UUID id,
            @RequestParam(required = false) String returnTo,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        Attachment restored = found(() -> files.restore(id, Actors.of(request)));
        return done(model, request, recordOf(restored), "restored", null, returnTo, locale);
    }

    /** In the background: the panel again. Plainly posted: back to the page the form was on. */
    private String done(
            Model model,
            HttpServletRequest request,
            RecordRef record,
            String done,
            UUID undo,
            String returnTo,
            Locale locale) {
        if (fragment(request)) {
            return render(model, request, record, FormErrors.none(), done, undo, returnTo, locale);
        }
        String back = ReturnPaths.local(returnTo);
        if (back == null) {
            back = "/files/panel?recordType=" + record.type() + "&recordId=" + record.id();
        }
        return "redirect:" + back;
    }

    private String render(
            Model model,
            HttpServletRequest request,
            RecordRef record,
            FormErrors errors,
            String done,
            UUID undo,
            String returnTo,
            Locale locale) {
        Map<UUID, String> names =
                team.members().stream().collect(Collectors.toMap(Member::userId, Member::name, (a, b) -> a));
        var rows = files.list(record.type(), record.id(), false, null, null, SHOWN).items().stream()
                .map(a -> new FilePanel.Row(
                        a,
                        FileSizes.human(a.size(), locale),
                        names.get(a.uploadedBy()),
                        a.extension().toUpperCase(Locale.ROOT)))
                .toList();
        String back = ReturnPaths.local(returnTo);
        model.addAttribute(
                "panel",
                new FilePanel(
                        record,
                        rows,
                        errors,
                        done,
                        undo,
                        back != null ? back : record.path(),
                        files.maxSize(),
                        FileSizes.human(files.maxSize(), locale)));
        return fragment(request) ? "files/panel" : "files/page";
    }

    /** htmx, and files.js, ask for the panel alone. */
    private static boolean fragment(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    private RecordRef visibleRecord(String recordType, UUID recordId) {
        return found(() -> files.record(recordType, recordId));
    }

    private RecordRef recordOf(Attachment attachment) {
        return visibleRecord(attachment.recordType(), attachment.recordId());
    }

    /** Missing, foreign or invisible things, and malformed record references, are all "not found" on pages. */
    private static <T> T found(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (InvalidInput e) {
            if (e.errors().stream().anyMatch(error -> error.field().startsWith("record"))) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            throw e;
        }
    }
}
