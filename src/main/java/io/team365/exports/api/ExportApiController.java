package io.team365.exports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.exports.ExportDownloads;
import io.team365.exports.ExportManagement;
import io.team365.exports.ExportRequests;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Data in and out": exports of a list's selection, followed by polling, then downloaded. */
@RestController
@Tag(name = "Exports")
class ExportApiController {

    private final ExportManagement exports;
    private final ExportRequests requests;

    ExportApiController(ExportManagement exports, ExportRequests requests) {
        this.exports = exports;
        this.requests = requests;
    }

    @PostMapping("/api/v1/exports")
    @Operation(
            summary = "Export a list: {\"object\": \"contacts\"|\"companies\"|\"leads\"|\"deals\", \"format\":"
                    + " \"csv\"|\"vcf\"|\"json\" (vcf for contacts and leads), \"filter\": {\"q\", \"view\","
                    + " \"filter[<field>][<op>]\": value, ...}} → 202 with the export's id and status")
    ResponseEntity<ExportJson> create(@RequestBody ExportRequest input, HttpServletRequest request) {
        var export = exports.start(
                input.object(), input.format(), requests.selection(input.object(), input.filter()), Actors.of(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/exports/" + export.id()))
                .body(ExportJson.of(export));
    }

    @GetMapping("/api/v1/exports")
    @Operation(summary = "The caller's recent exports, newest first")
    List<ExportJson> mine() {
        return exports.mine(50).stream().map(ExportJson::of).toList();
    }

    @GetMapping("/api/v1/exports/{id}")
    @Operation(summary = "An export's status and progress; downloadUrl once done")
    ExportJson get(@PathVariable UUID id) {
        return ExportJson.of(exports.view(id));
    }

    @PostMapping("/api/v1/exports/{id}/cancel")
    @Operation(summary = "Stop a queued or running export")
    ExportJson cancel(@PathVariable UUID id, HttpServletRequest request) {
        return ExportJson.of(exports.cancel(id, Actors.of(request)));
    }

    @GetMapping("/api/v1/exports/{id}/file")
    @Operation(summary = "Download a finished export (an attachment)")
    void file(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportDownloads.send(exports.download(id, Actors.of(request)), response);
    }
}
