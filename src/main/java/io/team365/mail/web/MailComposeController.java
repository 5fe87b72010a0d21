package io.team365.mail.web;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.mail.internal.client.Draft;
import io.team365.mail.internal.client.MailBodies;
import io.team365.mail.internal.client.MailDrafts;
import io.team365.mail.internal.client.MailThreads;
import io.team365.mail.internal.client.MessageView;
import io.team365.mail.internal.client.SendingAccount;
import io.team365.mail.internal.send.Composition;
import io.team365.mail.internal.send.MailSending;
import io.team365.mail.internal.send.Quoting;
import io.team365.mail.internal.send.Replies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.nodes.Entities;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Writing mail: a new message, reply, reply all and forward (recipients, subject and quoted original prepared),
 * drafts saved as the user types (htmx, every 30 seconds and on change, with a version against lost updates), files
 * attached, and sending (nothing is queued while anything is wrong; the form comes back with the errors).
 */
@Controller
class MailComposeController {

    private final MailThreads threads;
    private final MailDrafts drafts;
    private final MailSending sending;
    private final MessageSource messages;

    MailComposeController(MailThreads threads, MailDrafts drafts, MailSending sending, MessageSource messages) {
        this.threads = threads;
        this.drafts = drafts;
        this.sending = sending;
        this.messages = messages;
    }

    @GetMapping("/mail/compose")
    String compose(
            @RequestParam(required = false) UUID account, @RequestParam(required = false) UUID draft, Model model) {
        UUID user = SignedInUser.require().userId();
        List<SendingAccount> accounts = sendable(user);
        if (accounts.isEmpty()) {
            return "redirect:/mail";
        }
        ComposeForm form;
        MessageView original = null;
        if (draft != null) {
            Draft saved = drafts.find(user, draft).orElseThrow(() -> new NotFound("draft " + draft));
            form = new ComposeForm(
                    saved.id(),
                    saved.version(),
                    saved.accountId(),
                    saved.mode(),
                    saved.answersId(),
                    String.join(", ", saved.to()),
                    String.join(", ", saved.cc()),
                    String.join(", ", saved.bcc()),
                    saved.subject(),
                    Quoting.text(saved.bodyHtml()),
                    true);
            if (saved.answersId() != null) {
                original = threads.message(user, saved.answersId()).orElse(null);
            }
        } else {
            UUID from = account != null && accounts.stream().anyMatch(a -> a.id().equals(account))
                    ? account
                    : accounts.getFirst().id();
            form = new ComposeForm(null, 0, from, "new", null, "", "", "", "", "", true);
        }
        return render(model, form, accounts, original, FormErrors.none());
    }

    @GetMapping("/mail/messages/{id}/{mode:reply|reply-all|forward}")
    String answer(@PathVariable UUID id, @PathVariable String mode, Model model) {
        UUID user = SignedInUser.require().userId();
        MessageView original = threads.message(user, id).orElseThrow(() -> new NotFound("message " + id));
        List<SendingAccount> accounts = sendable(user);
        if (accounts.isEmpty()) {
            return "redirect:/mail/threads/" + original.threadId();
        }
        String email = threads.accounts(user).stream()
                .filter(a -> a.id().equals(original.accountId()))
                .map(SendingAccount::email)
                .findFirst()
                .orElse("");
        String to = "";
        String cc = "";
        String subject;
        if (mode.equals("forward")) {
            subject = Quoting.forwardSubject(original.subject());
        } else {
            Replies.Recipients recipients = Replies.recipients(original, email, mode.equals("reply-all"));
            to = String.join(", ", recipients.to());
            cc = String.join(", ", recipients.cc());
            subject = Quoting.replySubject(original.subject());
        }
        // from the mailbox the message came to, unless the user may not send from it (a shared mailbox)
        UUID from = accounts.stream().anyMatch(a -> a.id().equals(original.accountId()))
                ? original.accountId()
                : accounts.getFirst().id();
        ComposeForm form = new ComposeForm(null, 0, from, mode.replace('-', '_'), id, to, cc, "", subject, "", true);
        return render(model, form, accounts, original, FormErrors.none());
    }

    @PostMapping("/mail/drafts")
    String saveDraft(
            @RequestParam(required = false) UUID draftId,
            @RequestParam(defaultValue = "0") int version,
            @RequestParam(required = false) UUID accountId,
            @RequestParam(defaultValue = "new") String mode,
            @RequestParam(required = false) UUID answersId,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String cc,
            @RequestParam(defaultValue = "") String bcc,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            HttpServletRequest request,
            Model model) {
        UUID user = SignedInUser.require().userId();
        boolean htmx = request.getHeader("HX-Request") != null;
        try {
            Draft saved = drafts.save(
                    user,
                    new Draft(
                            draftId,
                            accountId,
                            mode,
                            answersId,
                            List.of(to),
                            List.of(cc),
                            List.of(bcc),
                            subject,
                            html(body),
                            version,
                            null));
            model.addAttribute("draftId", saved.id().toString());
            model.addAttribute("version", saved.version());
            model.addAttribute("problem", null);
            model.addAttribute("savedAt", saved.updatedAt());
        } catch (Conflict | InvalidInput e) {
            if (!htmx) {
                throw e;
            }
            model.addAttribute("draftId", draftId == null ? "" : draftId.toString());
            model.addAttribute("version", version);
            model.addAttribute(
                    "problem", e instanceof Conflict ? "mail.client.draft.stale" : "mail.client.draft.invalid");
            model.addAttribute("savedAt", null);
        }
        return "mail/draftState";
    }

    @PostMapping("/mail/drafts/{id}/delete")
    String discard(@PathVariable UUID id) {
        drafts.delete(SignedInUser.require().userId(), id);
        return "redirect:/mail?folder=drafts";
    }

    @PostMapping("/mail/send")
    String send(
            @RequestParam(required = false) UUID draftId,
            @RequestParam(defaultValue = "0") int version,
            @RequestParam(required = false) UUID accountId,
            @RequestParam(defaultValue = "new") String mode,
            @RequestParam(required = false) UUID answersId,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String cc,
            @RequestParam(defaultValue = "") String bcc,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "false") boolean signature,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException {
        UUID user = SignedInUser.require().userId();
        List<Composition.Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.getOriginalFilename() != null
                    && !file.getOriginalFilename().isBlank()) {
                uploads.add(new Composition.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            }
        }
        try {
            var queued = sending.send(
                    user,
                    new Composition(
                            accountId,
                            mode,
                            answersId,
                            List.of(to),
                            List.of(cc),
                            List.of(bcc),
                            subject,
                            html(body),
                            null,
                            uploads,
                            true,
                            signature,
                            draftId),
                    Actors.of(request));
            return "redirect:/mail/threads/" + queued.threadId() + "?sent";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            MessageView original =
                    answersId == null ? null : threads.message(user, answersId).orElse(null);
            ComposeForm form = new ComposeForm(
                    draftId, version, accountId, mode, answersId, to, cc, bcc, subject, body, signature);
            return render(model, form, sendable(user), original, FormErrors.of(invalid, messages, locale));
        }
    }

    /** The mailboxes the user sees and may send from (a shared one only when its owner allows it). */
    private List<SendingAccount> sendable(UUID user) {
        return threads.accounts(user).stream()
                .filter(a -> sending.maySendFrom(user, a.id()))
                .toList();
    }

    private String render(
            Model model, ComposeForm form, List<SendingAccount> accounts, MessageView original, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("accounts", accounts);
        model.addAttribute("original", original);
        model.addAttribute("originalHtml", original == null ? null : MailBodies.forDisplay(original));
        model.addAttribute("errors", errors);
        return "mail/compose";
    }

    /** The text typed in the form as HTML paragraphs (the form is plain text; HTML is made here, escaped). */
    static String html(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.replace("\r\n", "\n").split("\n{2,}")) {
            html.append("<p>")
                    .append(Entities.escape(paragraph).replace("\n", "<br>"))
                    .append("</p>");
        }
        return html.toString();
    }
}
