package io.team365.mail.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.web.ListPage;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.mail.internal.client.MailThreads;
import io.team365.mail.internal.send.Composition;
import io.team365.mail.internal.send.MailSending;
import io.team365.mail.internal.send.MailUploads;
import io.team365.mail.web.MailDownloads;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.ObjectMapper;

/** Threads and messages of the caller's visible mailboxes, and sending (issue 6). */
@RestController
@Tag(name = "Mail", description = "Threads of connected mailboxes, sending and replying")
class MailApiController {

    private static final Set<String> RECORD_TYPES = Set.of("contact", "company", "lead", "deal");

    private final MailThreads threads;
    private final MailSending sending;
    private final MailUploads uploads;
    private final ObjectMapper json;

    MailApiController(MailThreads threads, MailSending sending, MailUploads uploads, ObjectMapper json) {
        this.threads = threads;
        this.sending = sending;
        this.uploads = uploads;
        this.json = json;
    }

    @GetMapping("/api/v1/mail/threads")
    @Operation(
            summary = "Threads linked to a record (recordType and recordId), else the caller's threads; latest first")
    ListPage<MailJson.Summary> threads(
            @RequestParam(required = false) String recordType,
            @RequestParam(required = false) UUID recordId,
            @RequestParam(required = false) String folder,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            throw InvalidInput.of("limit", "mail.client.limit");
        }
        UUID user = SignedInUser.require().userId();
        if (recordType != null || recordId != null) {
            if (recordType == null || !RECORD_TYPES.contains(recordType)) {
                throw InvalidInput.of("recordType", "mail.client.record-type");
            }
            if (recordId == null) {
                throw InvalidInput.of("recordId", "validation.required");
            }
            var page = threads.linkedTo(user, recordType, recordId, cursor, limit);
            return new ListPage<>(
                    page.items().stream().map(MailJson.Summary::of).toList(), page.nextCursor());
        }
        var page = threads.list(user, folder == null ? "all" : folder, q, cursor, limit);
        return new ListPage<>(page.items().stream().map(MailJson.Summary::of).toList(), page.nextCursor());
    }

    @GetMapping("/api/v1/mail/threads/{id}")
    @Operation(summary = "A thread's messages, oldest first: text, sanitised HTML, flags and attachments")
    MailJson.Thread thread(@PathVariable UUID id) {
        return threads.thread(SignedInUser.require().userId(), id)
                .map(MailJson.Thread::of)
                .orElseThrow(() -> new NotFound("thread " + id));
    }

    @PostMapping(path = "/api/v1/mail/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a message, a reply (inReplyTo: the answered message's id) or a forward; 202, queued")
    ResponseEntity<MailJson.Queued> send(@RequestBody MailJson.SendRequest body, HttpServletRequest request) {
        return queued(body, List.of(), request);
    }

    @PostMapping(path = "/api/v1/mail/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The same with attachments: a JSON part \"message\" and file parts \"files\"")
    ResponseEntity<MailJson.Queued> sendWithFiles(
            @RequestPart(name = "message", required = false) String message,
            @RequestPart(name = "files", required = false) List<MultipartFile> files,
            HttpServletRequest request)
            throws IOException {
        if (message == null || message.isBlank()) {
            throw InvalidInput.of("message", "validation.required");
        }
        MailJson.SendRequest body;
        try {
            body = json.readValue(message, MailJson.SendRequest.class);
        } catch (RuntimeException e) {
            throw InvalidInput.of("message", "mail.client.message.json");
        }
        List<Composition.Upload> uploaded = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty()
                    && (file.getOriginalFilename() == null
                            || file.getOriginalFilename().isBlank())) {
                continue;
            }
            uploaded.add(new Composition.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
        }
        return queued(body, uploaded, request);
    }

    @GetMapping("/api/v1/mail/messages/{id}/attachments/{position}")
    @Operation(summary = "An attachment's bytes (always a download)")
    ResponseEntity<Resource> attachment(@PathVariable UUID id, @PathVariable int position) {
        return threads.attachment(SignedInUser.require().userId(), id, position)
                .map(a -> MailDownloads.response(a, uploads))
                .orElseThrow(() -> new NotFound("attachment"));
    }

    private ResponseEntity<MailJson.Queued> queued(
            MailJson.SendRequest body, List<Composition.Upload> files, HttpServletRequest request) {
        if (body == null) {
            throw InvalidInput.of("to", "validation.required");
        }
        var queued = sending.send(
                SignedInUser.require().userId(),
                new Composition(
                        body.accountId(),
                        body.mode(),
                        body.inReplyTo(),
                        body.to(),
                        body.cc(),
                        body.bcc(),
                        body.subject(),
                        body.html(),
                        body.text(),
                        files,
                        body.quote() == null || body.quote(),
                        Boolean.TRUE.equals(body.signature()),
                        null),
                Actors.of(request));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/mail/threads/" + queued.threadId()))
                .body(new MailJson.Queued(queued.outgoingId(), queued.status(), queued.messageId(), queued.threadId()));
    }
}
