package io.team365.imports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.web.ListPage;
import io.team365.identity.Actors;
import io.team365.imports.Import;
import io.team365.imports.ImportManagement;
import io.team365.imports.internal.ImportFiles;
import io.team365.imports.internal.ImportSettings;
import io.team365.imports.internal.ImportUpload;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.ObjectMapper;

@RestController
@Tag(name = "Imports", description = "CSV and vCard files into contacts, companies, leads and deals, in the background")
class ImportApiController {

    private final ImportManagement imports;
    private final ImportFiles files;
    private final ImportSettings settings;
    private final ObjectMapper json;

    ImportApiController(ImportManagement imports, ImportFiles files, ImportSettings settings, ObjectMapper json) {
        this.imports = imports;
        this.files = files;
        this.settings = settings;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Start an import (multipart: file, object, mapping, onDuplicate, defaultRegion, consentBasis)",
            description = "object: contacts, companies, leads or deals. mapping: optional JSON {\"column header\":"
                    + " \"field\"} (custom fields as custom.<key>); without it known headers are mapped. onDuplicate:"
                    + " skip (default), update or create. defaultRegion: ISO country for phone numbers without a"
                    + " country code. consentBasis: none (default), legitimate-interest or consent:<purpose>"
                    + " (contacts; recorded in the consent ledger per contact). Runs in the background: follow"
                    + " GET /api/v1/imports/{id}.")
    @ApiResponse(responseCode = "202", description = "Queued")
    @ApiResponse(responseCode = "400", description = "A field is missing or wrong (named); nothing was stored")
    @ApiResponse(responseCode = "413", description = "The file is larger than the limit (named)")
    ResponseEntity<Map<String, Object>> start(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String object,
            @RequestParam(required = false) String mapping,
            @RequestParam(required = false) String onDuplicate,
            @RequestParam(required = false) String defaultRegion,
            @RequestParam(required = false) String consentBasis,
            HttpServletRequest request) {
        Path upload = ImportUpload.save(file, files, settings.maxSize().toBytes());
        try {
            Import started = imports.start(
                    new ImportManagement.NewImport(
                            object,
                            upload,
                            file == null ? null : file.getOriginalFilename(),
                            file == null ? 0 : file.getSize(),
                            ImportUpload.mapping(json, mapping),
                            onDuplicate,
                            defaultRegion,
                            consentBasis),
                    Actors.of(request));
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/imports/" + started.id()))
                    .body(Map.of("id", started.id(), "status", started.status()));
        } finally {
            ImportUpload.discard(upload); // moved away when the import started
        }
    }

    @GetMapping("/api/v1/imports")
    @Operation(summary = "The Client's imports, newest first (cursor pagination)")
    ListPage<ImportJson> list(
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) UUID cursor) {
        int size = Math.max(1, Math.min(limit, 200));
        List<Import> page = imports.list(cursor, size);
        String next = page.size() == size ? page.getLast().id().toString() : null;
        return new ListPage<>(page.stream().map(ImportJson::of).toList(), next);
    }

    @GetMapping("/api/v1/imports/{id}")
    @Operation(summary = "An import's status and counts; errorsUrl gives the rejected rows as CSV")
    ImportJson get(@PathVariable UUID id) {
        return ImportJson.of(imports.find(id));
    }

    @GetMapping("/api/v1/imports/{id}/errors")
    @Operation(summary = "The rejected rows as CSV: record number, reason, the row's values (formula-safe cells)")
    void errors(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        io.team365.imports.web.ImportErrorsDownload.write(imports, id, response);
    }

    @PostMapping("/api/v1/imports/{id}/cancel")
    @Operation(summary = "Cancel: a queued import ends now, a running one after its current batch")
    @ApiResponse(responseCode = "409", description = "The import has ended")
    ImportJson cancel(@PathVariable UUID id, HttpServletRequest request) {
        return ImportJson.of(imports.cancel(id, Actors.of(request)));
    }

    @PostMapping("/api/v1/imports/{id}/undo")
    @Operation(summary = "Undo: what the import created goes to the trash, unless changed since; updates stay")
    @ApiResponse(responseCode = "409", description = "The import is still running or was undone")
    ImportJson undo(@PathVariable UUID id, HttpServletRequest request) {
        return ImportJson.of(imports.undo(id, Actors.of(request)));
    }

    @ExceptionHandler(ImportUpload.TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(ImportUpload.TooLarge e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ImportSizeProblem.of(e.limit()));
    }
}
