package io.team365.mail.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.web.ETags;
import io.team365.core.web.ListPage;
import io.team365.identity.Actors;
import io.team365.mail.internal.account.ConnectRequest;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountDisconnection;
import io.team365.mail.internal.account.MailAccountManagement;
import io.team365.mail.internal.account.MailAccountSettings;
import io.team365.mail.internal.account.MailConnectionFailed;
import io.team365.mail.internal.account.MailFolderDiscovery;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 6, accounts: connect an IMAP+SMTP mailbox (tested first), list and read them, change their settings, sync
 * now, disconnect with or without the synced mail. Gmail and Microsoft 365 connect through OAuth in the browser
 * (Settings → Mail accounts). Secrets are accepted, never returned.
 */
@RestController
@Tag(name = "Mail accounts")
class MailAccountApiController {

    private final MailAccountManagement accounts;
    private final MailAccountSettings settings;
    private final MailAccountDisconnection disconnection;
    private final ObjectMapper json;

    MailAccountApiController(
            MailAccountManagement accounts,
            MailAccountSettings settings,
            MailAccountDisconnection disconnection,
            ObjectMapper json) {
        this.accounts = accounts;
        this.settings = settings;
        this.disconnection = disconnection;
        this.json = json;
    }

    @PostMapping("/api/v1/mail/accounts")
    @Operation(
            summary = "Connect a mailbox: {\"provider\": \"imap\", \"email\", \"username\", \"password\", \"imap\":"
                    + " {\"host\", \"port\", \"security\": \"ssl\"|\"starttls\"|\"none\"}, \"smtp\": {same},"
                    + " \"sharing\": \"private\"|\"team\", \"syncDays\"}. Both servers are signed in to first; a"
                    + " failure is a 400 naming the field (password, imap.host, imap.security, ...) and saying why."
                    + " Gmail and Microsoft 365 connect through OAuth in Settings → Mail accounts.")
    @ApiResponse(responseCode = "201", description = "Connected; due for a first sync")
    ResponseEntity<MailAccountJson> create(@RequestBody ConnectRequest input, HttpServletRequest request) {
        MailAccount created = accounts.connect(input, Actors.of(request));
        return ResponseEntity.created(URI.create("/api/v1/mail/accounts/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(json(created));
    }

    @PostMapping("/api/v1/mail/accounts/test")
    @Operation(summary = "Test a connection without saving (same body as connecting): 200, or 400 saying why")
    Map<String, Object> test(@RequestBody ConnectRequest input) {
        accounts.test(input);
        return Map.of("ok", true);
    }

    @GetMapping("/api/v1/mail/accounts")
    @Operation(summary = "The caller's mailboxes, and for administrators those shared with the team")
    ListPage<MailAccountJson> list() {
        return new ListPage<>(
                accounts.visible().stream()
                        .map(a -> MailAccountJson.of(a, null, null))
                        .toList(),
                null);
    }

    @GetMapping("/api/v1/mail/accounts/{id}")
    @Operation(summary = "One mailbox with its folders and blocklist")
    ResponseEntity<MailAccountJson> get(@PathVariable UUID id) {
        MailAccount account = accounts.view(id);
        return ResponseEntity.ok().eTag(ETags.of(account.version())).body(json(account));
    }

    @PatchMapping(
            path = "/api/v1/mail/accounts/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            summary = "Change settings (JSON merge patch): displayName, sharing, syncDays, signatureHtml (basic HTML,"
                    + " sanitised), syncFolders (the folder names to sync), blocklist (addresses and domains never"
                    + " synced), teamMaySend (members may send from a mailbox shared with the team; default false);"
                    + " If-Match with a stale ETag gives 412. The account is synced again at once.")
    ResponseEntity<MailAccountJson> update(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody JsonNode patch,
            HttpServletRequest request) {
        MailAccount updated = settings.update(
                id,
                ETags.expectedVersion(ifMatch),
                current -> MailAccountPatch.apply(patch, current, json),
                Actors.of(request));
        return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(json(updated));
    }

    @PostMapping("/api/v1/mail/accounts/{id}/sync")
    @Operation(summary = "Sync now: the account is due at once and the sync worker is woken")
    @ApiResponse(responseCode = "202", description = "Sync requested")
    ResponseEntity<MailAccountJson> sync(@PathVariable UUID id, HttpServletRequest request) {
        MailAccount account = accounts.requestSync(id, Actors.of(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(MailAccountJson.of(account, null, null));
    }

    @PostMapping("/api/v1/mail/accounts/{id}/test")
    @Operation(summary = "Test a stored mailbox's connection (and refresh its folder list): 200, or 400 saying why")
    Map<String, Object> testStored(@PathVariable UUID id) {
        try {
            accounts.testStored(id);
        } catch (MailConnectionFailed failed) {
            throw io.team365.core.InvalidInput.of(failed.field(), failed.messageKey());
        }
        return Map.of("ok", true);
    }

    @DeleteMapping("/api/v1/mail/accounts/{id}")
    @Operation(
            summary = "Disconnect: deleteMail=true deletes everything synced from the mailbox; false (the default)"
                    + " keeps the mail and forgets the password or tokens (OAuth grants are revoked)")
    @ApiResponse(responseCode = "204", description = "Disconnected")
    ResponseEntity<Void> delete(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean deleteMail,
            HttpServletRequest request) {
        disconnection.disconnect(id, deleteMail, Actors.of(request));
        return ResponseEntity.noContent().build();
    }

    private MailAccountJson json(MailAccount account) {
        List<MailFolderDiscovery.StoredFolder> stored = accounts.folders(account.id());
        return MailAccountJson.of(account, stored, settings.of(account.id()).blocklist());
    }
}
