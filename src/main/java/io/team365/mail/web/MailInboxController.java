package io.team365.mail.web;

import io.team365.core.NotFound;
import io.team365.identity.SignedInUser;
import io.team365.mail.internal.account.MailAccountStore;
import io.team365.mail.internal.client.MailDrafts;
import io.team365.mail.internal.client.MailThreads;
import io.team365.mail.internal.client.MessageView;
import io.team365.mail.internal.client.ThreadView;
import io.team365.mail.internal.links.SenderContacts;
import io.team365.mail.internal.send.MailUploads;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox (threads of the user's visible mailboxes, by folder, searchable), a thread, and attachment downloads. */
@Controller
class MailInboxController {

    static final int PAGE_SIZE = 50;

    private final MailThreads threads;
    private final MailDrafts drafts;
    private final MailUploads uploads;
    private final SenderContacts senderContacts;
    private final MailAccountStore accounts;

    MailInboxController(
            MailThreads threads,
            MailDrafts drafts,
            MailUploads uploads,
            SenderContacts senderContacts,
            MailAccountStore accounts) {
        this.threads = threads;
        this.drafts = drafts;
        this.uploads = uploads;
        this.senderContacts = senderContacts;
        this.accounts = accounts;
    }

    @GetMapping("/mail")
    String inbox(
            @RequestParam(defaultValue = "inbox") String folder,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor,
            Model model) {
        UUID user = SignedInUser.require().userId();
        String shown = MailThreads.FOLDERS.contains(folder) ? folder : "inbox";
        model.addAttribute("folder", shown);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("hasAccounts", !threads.accounts(user).isEmpty());
        if (shown.equals("drafts")) {
            model.addAttribute("drafts", drafts.mine(user, 100));
            model.addAttribute("threads", List.of());
            model.addAttribute("nextCursor", null);
        } else {
            var page = threads.list(user, shown, q, cursor, PAGE_SIZE);
            model.addAttribute("drafts", List.of());
            model.addAttribute("threads", page.items());
            model.addAttribute("nextCursor", page.nextCursor());
        }
        if (!model.containsAttribute("notice")) {
            model.addAttribute("notice", null);
        }
        return "mail/inbox";
    }

    @GetMapping("/mail/threads/{id}")
    String thread(@PathVariable UUID id, @RequestParam(required = false) String sent, Model model) {
        UUID user = SignedInUser.require().userId();
        ThreadView thread = threads.thread(user, id).orElseThrow(() -> new NotFound("thread " + id));
        threads.markRead(user, id);
        Map<UUID, SenderContacts.Sender> senders = new HashMap<>();
        for (MessageView message : thread.messages()) {
            if (message.from() != null && "inbound".equals(message.direction())) {
                senders.put(message.id(), senderContacts.senderOf(message.id()));
            }
        }
        boolean owner = accounts.find(thread.accountId())
                .map(account -> account.ownerId().equals(user))
                .orElse(false);
        model.addAttribute("thread", thread);
        model.addAttribute("senders", senders);
        model.addAttribute("owner", owner);
        model.addAttribute("sent", sent != null);
        return "mail/thread";
    }

    /** "Mark as unread": the thread's received messages, here and (by the flag worker) on the server. */
    @PostMapping("/mail/threads/{id}/unread")
    String markUnread(@PathVariable UUID id, RedirectAttributes flash) {
        UUID user = SignedInUser.require().userId();
        threads.thread(user, id).orElseThrow(() -> new NotFound("thread " + id));
        threads.markUnread(user, id);
        flash.addFlashAttribute("notice", "mail.client.seen.marked-unread");
        return "redirect:/mail";
    }

    @GetMapping("/mail/messages/{id}/attachments/{position}")
    ResponseEntity<Resource> attachment(@PathVariable UUID id, @PathVariable int position) {
        return threads.attachment(SignedInUser.require().userId(), id, position)
                .map(a -> MailDownloads.response(a, uploads))
                .orElseThrow(() -> new NotFound("attachment"));
    }
}
