package io.team365.mail.web.account;

import io.team365.core.InvalidInput;
import io.team365.core.PreconditionFailed;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountDisconnection;
import io.team365.mail.internal.account.MailAccountManagement;
import io.team365.mail.internal.account.MailAccountSettings;
import io.team365.mail.internal.account.MailConnectionFailed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One mailbox's page: its settings (name, sharing, how far back, signature, folders), the blocklist, "Test
 * connection", "Sync now", a new password, and disconnecting with or without its mail.
 */
@Controller
class MailAccountPageController {

    private final MailAccountManagement accounts;
    private final MailAccountSettings settings;
    private final MailAccountDisconnection disconnection;
    private final MessageSource messages;

    MailAccountPageController(
            MailAccountManagement accounts,
            MailAccountSettings settings,
            MailAccountDisconnection disconnection,
            MessageSource messages) {
        this.accounts = accounts;
        this.settings = settings;
        this.disconnection = disconnection;
        this.messages = messages;
    }

    @GetMapping(MailAccountsController.PATH + "/{id}")
    String show(@PathVariable UUID id, Model model) {
        return render(id, model, FormErrors.none(), null);
    }

    @PostMapping(MailAccountsController.PATH + "/{id}")
    String save(
            @PathVariable UUID id,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String sharing,
            @RequestParam(required = false) String syncDays,
            @RequestParam(required = false) String signatureHtml,
            @RequestParam(required = false) List<String> syncFolders,
            @RequestParam(defaultValue = "false") boolean teamMaySend,
            @RequestParam(required = false) Integer version,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash,
            Locale locale) {
        return change(
                id,
                version,
                request,
                response,
                model,
                flash,
                locale,
                "mail.accounts.saved",
                current -> new MailAccountSettings.Settings(
                        displayName,
                        sharing,
                        MailAccountsController.number(syncDays),
                        signatureHtml,
                        syncFolders == null ? List.of() : syncFolders,
                        current.blocklist(),
                        teamMaySend));
    }

    @PostMapping(MailAccountsController.PATH + "/{id}/blocklist")
    String block(
            @PathVariable UUID id,
            @RequestParam(required = false) String pattern,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash,
            Locale locale) {
        return change(id, null, request, response, model, flash, locale, "mail.accounts.blocklist.added", current -> {
            List<String> list = new ArrayList<>(current.blocklist());
            list.add(pattern == null ? "" : pattern);
            return withBlocklist(current, list);
        });
    }

    @PostMapping(MailAccountsController.PATH + "/{id}/blocklist/remove")
    String unblock(
            @PathVariable UUID id,
            @RequestParam(required = false) String pattern,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash,
            Locale locale) {
        return change(id, null, request, response, model, flash, locale, "mail.accounts.blocklist.removed", current -> {
            List<String> list = new ArrayList<>(current.blocklist());
            list.remove(pattern);
            return withBlocklist(current, list);
        });
    }

    @PostMapping(MailAccountsController.PATH + "/{id}/test")
    String test(@PathVariable UUID id, Model model, HttpServletResponse response) {
        try {
            accounts.testStored(id);
            return render(id, model, FormErrors.none(), "mail.accounts.test.ok");
        } catch (MailConnectionFailed failed) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("testError", failed.messageKey());
            return render(id, model, FormErrors.none(), null);
        }
    }

    @PostMapping(MailAccountsController.PATH + "/{id}/sync")
    String sync(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        try {
            accounts.requestSync(id, Actors.of(request));
            flash.addFlashAttribute("notice", "mail.accounts.sync-requested");
        } catch (InvalidInput invalid) {
            flash.addFlashAttribute("testError", invalid.errors().getFirst().messageKey());
        }
        return "redirect:" + MailAccountsController.PATH + "/" + id;
    }

    @PostMapping(MailAccountsController.PATH + "/{id}/password")
    String password(
            @PathVariable UUID id,
            @RequestParam(required = false) String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash,
            Locale locale) {
        try {
            accounts.replacePassword(id, password, Actors.of(request));
            flash.addFlashAttribute("notice", "mail.accounts.password.saved");
            return "redirect:" + MailAccountsController.PATH + "/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            FormErrors errors = FormErrors.of(invalid, messages, locale);
            model.addAttribute("passwordError", errors.message(errors.firstField()));
            return render(id, model, FormErrors.none(), null);
        }
    }

    @PostMapping(MailAccountsController.PATH + "/{id}/disconnect")
    String disconnect(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean deleteMail,
            HttpServletRequest request,
            RedirectAttributes flash) {
        disconnection.disconnect(id, deleteMail, Actors.of(request));
        flash.addFlashAttribute(
                "notice", deleteMail ? "mail.accounts.disconnected.deleted" : "mail.accounts.disconnected.kept");
        return "redirect:" + MailAccountsController.PATH;
    }

    private String change(
            UUID id,
            Integer version,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash,
            Locale locale,
            String notice,
            java.util.function.UnaryOperator<MailAccountSettings.Settings> change) {
        try {
            settings.update(id, version, change, Actors.of(request));
            flash.addFlashAttribute("notice", notice);
            return "redirect:" + MailAccountsController.PATH + "/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            FormErrors errors = FormErrors.of(invalid, messages, locale);
            for (String field : errors.all().keySet()) {
                if (field.startsWith("blocklist")) {
                    errors = errors.renamed(field, "pattern");
                }
            }
            return render(id, model, errors, null);
        } catch (PreconditionFailed stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("testError", "mail.accounts.stale");
            return render(id, model, FormErrors.none(), null);
        }
    }

    private static MailAccountSettings.Settings withBlocklist(MailAccountSettings.Settings s, List<String> list) {
        return new MailAccountSettings.Settings(
                s.displayName(), s.sharing(), s.syncDays(), s.signatureHtml(), s.syncFolders(), list, s.teamMaySend());
    }

    private String render(UUID id, Model model, FormErrors errors, String tested) {
        MailAccount account = accounts.view(id);
        model.addAttribute("account", account);
        model.addAttribute("settings", settings.of(id));
        model.addAttribute("folders", accounts.folders(id));
        model.addAttribute("errors", errors);
        model.addAttribute("tested", tested);
        for (String optional : new String[] {"notice", "testError", "passwordError"}) {
            if (!model.containsAttribute(optional)) {
                model.addAttribute(optional, null);
            }
        }
        return "mail/accounts/show";
    }
}
