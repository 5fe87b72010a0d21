package io.team365.imports.web;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.imports.Import;
import io.team365.imports.ImportManagement;
import io.team365.imports.ImportObject;
import io.team365.imports.internal.ImportFiles;
import io.team365.imports.internal.ImportSettings;
import io.team365.imports.internal.ImportStore;
import io.team365.imports.internal.ImportUpload;
import io.team365.imports.internal.read.UnreadableFile;
import io.team365.privacy.ConsentManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The import wizard: upload (with progress), the mapping step (a preview of the first rows, a field per column with
 * the suggestion chosen, saved mappings, what to do with duplicates, region and consent), then the import's page with
 * live progress (htmx polls a fragment every second), cancel, the report, the rejected rows and undo.
 */
@Controller
class ImportController {

    private static final int PREVIEW_ROWS = 5;

    private final ImportManagement imports;
    private final ImportFiles files;
    private final ImportSettings settings;
    private final ConsentManagement consent;
    private final MessageSource messages;
    private final Clock clock;

    ImportController(
            ImportManagement imports,
            ImportFiles files,
            ImportSettings settings,
            ConsentManagement consent,
            MessageSource messages,
            Clock clock) {
        this.imports = imports;
        this.files = files;
        this.settings = settings;
        this.consent = consent;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/imports")
    String list(Model model) {
        model.addAttribute("imports", imports.list(null, 100));
        return "imports/list";
    }

    @GetMapping("/imports/new")
    String upload(@RequestParam(required = false) String object, Model model) {
        return renderUpload(
                model, ImportObject.of(object == null ? "" : object).orElse(ImportObject.CONTACTS), FormErrors.none());
    }

    @PostMapping("/imports/upload")
    String uploaded(
            @RequestParam(required = false) String object,
            @RequestParam(name = "file", required = false) MultipartFile file,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        ImportObject what = ImportObject.of(object == null ? "" : object).orElse(ImportObject.CONTACTS);
        Path upload = null;
        try {
            upload = ImportUpload.save(file, files, settings.maxSize().toBytes());
            if (upload == null) {
                throw InvalidInput.of("file", "import.file-required");
            }
            imports.preview(what, upload, file.getOriginalFilename(), 1);
            UUID token = UUID.randomUUID();
            files.stage(upload, SignedInUser.require().tenant(), token);
            return "redirect:/imports/mapping?object=" + what.value() + "&upload=" + token + "&name="
                    + java.net.URLEncoder.encode(
                            file.getOriginalFilename() == null ? "import.csv" : file.getOriginalFilename(),
                            java.nio.charset.StandardCharsets.UTF_8);
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return renderUpload(model, what, FormErrors.of(invalid, messages, locale));
        } catch (UnreadableFile unreadable) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return renderUpload(
                    model,
                    what,
                    FormErrors.single(
                            "file",
                            messages.getMessage(
                                    "import.file-unreadable", new Object[] {unreadable.getMessage()}, locale)));
        } catch (ImportUpload.TooLarge tooLarge) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            return renderUpload(
                    model,
                    what,
                    FormErrors.single(
                            "file",
                            io.team365.imports.api.ImportSizeProblem.of(tooLarge.limit())
                                    .getDetail()));
        } finally {
            ImportUpload.discard(upload);
        }
    }

    @GetMapping("/imports/mapping")
    String mapping(
            @RequestParam String object,
            @RequestParam UUID upload,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) UUID saved,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        ImportObject what = ImportObject.of(object).orElse(ImportObject.CONTACTS);
        return renderMapping(model, response, locale, what, upload, name, saved, null, FormErrors.none());
    }

    @PostMapping("/imports/mappings/{id}/delete")
    String deleteMapping(
            @PathVariable UUID id,
            @RequestParam String object,
            @RequestParam UUID upload,
            @RequestParam(required = false) String name) {
        imports.deleteMapping(id);
        return "redirect:"
                + UriComponentsBuilder.fromPath("/imports/mapping")
                        .queryParam("object", object)
                        .queryParam("upload", upload)
                        .queryParam("name", name == null ? "import.csv" : name)
                        .encode()
                        .toUriString();
    }

    @PostMapping("/imports/start")
    String start(
            @RequestParam String object,
            @RequestParam UUID upload,
            @RequestParam(required = false) String name,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        ImportObject what = ImportObject.of(object).orElse(ImportObject.CONTACTS);
        Path staged = files.staged(SignedInUser.require().tenant(), upload);
        Map<String, String> mapping = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("column.")) {
                mapping.put(key.substring("column.".length()), value);
            }
        });
        try {
            if (!Files.exists(staged)) {
                throw InvalidInput.of("file", "import.upload-expired");
            }
            String saveAs = form.get("saveAs");
            if (saveAs != null && !saveAs.isBlank()) {
                imports.saveMapping(what, saveAs, mapping);
            }
            Import started = imports.start(
                    new ImportManagement.NewImport(
                            what.value(),
                            staged,
                            name,
                            Files.size(staged),
                            mapping,
                            form.get("onDuplicate"),
                            form.get("defaultRegion"),
                            form.get("consentBasis")),
                    Actors.of(request));
            return "redirect:/imports/" + started.id();
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return renderMapping(
                    model,
                    response,
                    locale,
                    what,
                    upload,
                    name,
                    null,
                    mapping,
                    FormErrors.of(invalid, messages, locale));
        }
    }

    @GetMapping("/imports/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("job", imports.find(id));
        model.addAttribute("progress", ImportProgress.of(imports.find(id), clock.instant()));
        return "imports/show";
    }

    @GetMapping("/imports/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        Import job = imports.find(id);
        model.addAttribute("job", job);
        model.addAttribute("progress", ImportProgress.of(job, clock.instant()));
        return "imports/progress";
    }

    @GetMapping("/imports/{id}/errors")
    void errors(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        ImportErrorsDownload.write(imports, id, response);
    }

    @PostMapping("/imports/{id}/cancel")
    String cancel(@PathVariable UUID id, HttpServletRequest request) {
        try {
            imports.cancel(id, Actors.of(request));
        } catch (Conflict ended) {
            // it ended meanwhile: the page shows how
        }
        return "redirect:/imports/" + id;
    }

    @PostMapping("/imports/{id}/undo")
    String undo(@PathVariable UUID id, HttpServletRequest request) {
        try {
            imports.undo(id, Actors.of(request));
        } catch (Conflict notUndoable) {
            // already undone or still running: the page shows the status
        }
        return "redirect:/imports/" + id;
    }

    private String renderUpload(Model model, ImportObject object, FormErrors errors) {
        model.addAttribute("object", object.value());
        model.addAttribute(
                "maxSize",
                io.team365.imports.api.ImportSizeProblem.human(
                        settings.maxSize().toBytes()));
        model.addAttribute("maxBytes", settings.maxSize().toBytes());
        model.addAttribute("errors", errors);
        return "imports/upload";
    }

    private String renderMapping(
            Model model,
            HttpServletResponse response,
            Locale locale,
            ImportObject object,
            UUID upload,
            String name,
            UUID saved,
            Map<String, String> chosen,
            FormErrors errors)
            throws IOException {
        Path staged = files.staged(SignedInUser.require().tenant(), upload);
        if (!Files.exists(staged)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return renderUpload(
                    model,
                    object,
                    FormErrors.single("file", messages.getMessage("import.upload-expired", null, locale)));
        }
        ImportManagement.Preview preview;
        try {
            preview = imports.preview(object, staged, name, PREVIEW_ROWS);
        } catch (UnreadableFile unreadable) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return renderUpload(model, object, FormErrors.single("file", unreadable.getMessage()));
        }
        List<ImportStore.SavedMapping> mappings = imports.mappings(object);
        Map<Integer, String> selected = new LinkedHashMap<>(preview.suggested());
        Map<String, String> byHeader = chosen;
        if (byHeader == null && saved != null) {
            byHeader = mappings.stream()
                    .filter(m -> m.id().equals(saved))
                    .findFirst()
                    .map(ImportStore.SavedMapping::columns)
                    .orElse(null);
        }
        if (byHeader != null) {
            selected.clear();
            for (int i = 0; i < preview.columns().size(); i++) {
                String field = byHeader.get(preview.columns().get(i));
                if (field != null && !field.isBlank()) {
                    selected.put(i, field);
                }
            }
        }
        model.addAttribute("object", object.value());
        model.addAttribute("upload", upload.toString());
        model.addAttribute("name", name == null ? "import.csv" : name);
        model.addAttribute("preview", preview);
        model.addAttribute("selected", selected);
        model.addAttribute("targets", targetLabels(object, locale));
        model.addAttribute("mappings", mappings);
        model.addAttribute("saved", saved == null ? "" : saved.toString());
        model.addAttribute(
                "purposes",
                object == ImportObject.CONTACTS
                        ? consent.activePurposeKeys(SignedInUser.require().tenant())
                        : List.of());
        model.addAttribute(
                "regions",
                java.util.Arrays.stream(Locale.getISOCountries()).sorted().toList());
        model.addAttribute("errors", errors);
        return "imports/mapping";
    }

    /**
     * Every target field, by the value the form posts, with what a person reads: a standard field's name in their
     * language, a custom field's own label. The keys are the API's names, not words for people.
     */
    private Map<String, String> targetLabels(ImportObject object, Locale locale) {
        Map<String, String> custom = imports.customFieldLabels(object);
        Map<String, String> labels = new LinkedHashMap<>();
        for (String target : imports.targets(object)) {
            String label = custom.get(target);
            labels.put(
                    target,
                    label != null ? label : messages.getMessage("imports.target." + target, null, target, locale));
        }
        return labels;
    }
}
