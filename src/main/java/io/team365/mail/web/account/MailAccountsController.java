package io.team365.mail.web.account;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.mail.internal.account.ConnectRequest;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Mail accounts: the member's own mailboxes (and, for administrators, the team's shared ones), connecting
 * an IMAP+SMTP mailbox with "Test connection" before saving, and the Gmail and Microsoft 365 buttons where the
 * deployment has OAuth clients for them.
 */
@Controller
class MailAccountsController {

    static final String PATH = "/settings/mail/accounts";

    private final MailAccountManagement accounts;
    private final MessageSource messages;

    MailAccountsController(MailAccountManagement accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String list(Model model) {
        return render(model, MailAccountConnectForm.empty(), FormErrors.none(), null);
    }

    @PostMapping(PATH)
    String connect(
            @RequestParam Map<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash,
            Locale locale) {
        MailAccountConnectForm form = new MailAccountConnectForm(
                params.getOrDefault("email", ""),
                params.getOrDefault("username", ""),
                params.getOrDefault("displayName", ""),
                params.getOrDefault("imapHost", ""),
                params.getOrDefault("imapPort", ""),
                params.getOrDefault("imapSecurity", ""),
                params.getOrDefault("smtpHost", ""),
                params.getOrDefault("smtpPort", ""),
                params.getOrDefault("smtpSecurity", ""),
                params.getOrDefault("sharing", "private"),
                params.getOrDefault("syncDays", "90"));
        ConnectRequest input = new ConnectRequest(
                "imap",
                form.email(),
                form.username(),
                params.get("password"),
                new ConnectRequest.Server(form.imapHost(), number(form.imapPort()), form.imapSecurity()),
                new ConnectRequest.Server(form.smtpHost(), number(form.smtpPort()), form.smtpSecurity()),
                form.sharing(),
                number(form.syncDays()),
                form.displayName());
        try {
            if ("test".equals(params.get("action"))) {
                accounts.test(input);
                return render(model, form, FormErrors.none(), "mail.accounts.test.ok");
            }
            MailAccount account = accounts.connect(input, Actors.of(request));
            flash.addFlashAttribute("notice", "mail.accounts.connected");
            return "redirect:" + PATH + "/" + account.id();
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, form, formErrors(invalid, locale), null);
        }
    }

    private String render(Model model, MailAccountConnectForm form, FormErrors errors, String tested) {
        Map<String, Boolean> offers = new LinkedHashMap<>();
        offers.put("gmail", accounts.offers(MailAccount.Provider.GMAIL));
        offers.put("microsoft", accounts.offers(MailAccount.Provider.MICROSOFT));
        model.addAttribute("accounts", accounts.visible());
        model.addAttribute("offers", offers);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("tested", tested);
        if (!model.containsAttribute("notice")) {
            model.addAttribute("notice", null);
        }
        if (!model.containsAttribute("oauthError")) {
            model.addAttribute("oauthError", null);
        }
        return "mail/accounts/list";
    }

    /** API field names ({@code imap.host}) on the form's fields ({@code imapHost}). */
    FormErrors formErrors(InvalidInput invalid, Locale locale) {
        FormErrors errors = FormErrors.of(invalid, messages, locale);
        for (String server : new String[] {"imap", "smtp"}) {
            for (String part : new String[] {"host", "port", "security"}) {
                errors = errors.renamed(
                        server + "." + part, server + Character.toUpperCase(part.charAt(0)) + part.substring(1));
            }
        }
        return errors;
    }

    static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
