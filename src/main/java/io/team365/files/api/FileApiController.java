package io.team365.files.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.paging.Page;
import io.team365.core.web.ListPage;
import io.team365.files.Attachment;
import io.team365.files.FileManagement;
import io.team365.files.web.FileHttp;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Files", description = "Attachments on contacts, companies, leads, deals and activities")
class FileApiController {

    private final FileManagement files;

    FileApiController(FileManagement files) {
        this.files = files;
    }

    @PostMapping(path = "/api/v1/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Attach a file to a record (multipart: file, recordType, recordId)",
            description = "The type is detected from the bytes and must match the extension; HTML, SVG, scripts"
                    + " and programs are refused. Larger than the limit (team365.files.max-size, 25 MB by default):"
                    + " 413 naming the limit.")
    @ApiResponse(responseCode = "201", description = "Attached")
    @ApiResponse(responseCode = "400", description = "No file, empty, wrong or refused type, unknown record type")
    @ApiResponse(responseCode = "404", description = "The record does not exist or is not visible")
    @ApiResponse(responseCode = "413", description = "The file is larger than the limit")
    ResponseEntity<AttachmentJson> upload(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @Parameter(description = "contact, company, lead, deal or activity") @RequestParam(required = false)
                    String recordType,
            @RequestParam(required = false) UUID recordId,
            HttpServletRequest request) {
        Attachment created = files.attach(recordType, recordId, FileHttp.upload(file), Actors.of(request));
        return ResponseEntity.created(URI.create("/api/v1/files/" + created.id()))
                .body(AttachmentJson.of(created));
    }

    @GetMapping("/api/v1/files")
    @Operation(
            summary = "A record's attachments, newest first: cursor pagination, sort=createdAt|fileName|size"
                    + " (prefix - for descending), filter[deleted]=true for the trash")
    ListPage<AttachmentJson> list(
            @RequestParam(required = false) String recordType,
            @RequestParam(required = false) UUID recordId,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String sort,
            @RequestParam(name = "filter[deleted]", required = false) Boolean deleted) {
        Page<Attachment> page = files.list(recordType, recordId, Boolean.TRUE.equals(deleted), sort, cursor, limit);
        return new ListPage<>(page.items().stream().map(AttachmentJson::of).toList(), page.nextCursor());
    }

    @GetMapping("/api/v1/files/{id}")
    @Operation(summary = "An attachment's metadata (also from the trash); the read is audited")
    AttachmentJson get(@PathVariable UUID id, HttpServletRequest request) {
        return AttachmentJson.of(files.find(id, Actors.of(request)));
    }

    @GetMapping("/api/v1/files/{id}/content")
    @Operation(
            summary = "Download the file: always as an attachment, with its detected type, nosniff and a sandbox"
                    + " policy; the download is audited")
    ResponseEntity<Resource> content(@PathVariable UUID id, HttpServletRequest request) {
        return FileHttp.response(files.open(id, Actors.of(request)));
    }

    @DeleteMapping("/api/v1/files/{id}")
    @Operation(summary = "Move an attachment to the trash (restorable for 30 days)")
    @ApiResponse(responseCode = "204", description = "In the trash")
    ResponseEntity<Void> delete(@PathVariable UUID id, HttpServletRequest request) {
        files.trash(id, Actors.of(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/files/{id}/restore")
    @Operation(summary = "Bring an attachment back from the trash")
    AttachmentJson restore(@PathVariable UUID id, HttpServletRequest request) {
        return AttachmentJson.of(files.restore(id, Actors.of(request)));
    }
}
