package io.team365.privacy.web;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.privacy.PrivacyNotices;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Settings → Privacy notice (admins): publish a new version of the Client's notice and see the earlier ones. */
@Controller
class NoticeSettingsController {

    private final PrivacyNotices notices;
    private final MessageSource messages;

    NoticeSettingsController(PrivacyNotices notices, MessageSource messages) {
        this.notices = notices;
        this.messages = messages;
    }

    @GetMapping("/settings/privacy/notice")
    String show(@RequestParam(required = false) String published, Model model) {
        var history = notices.noticeHistory(SignedInUser.require().tenant());
        String body = history.isEmpty() ? "" : history.getFirst().body();
        return form(new NoticeForm(body, "", false, ""), FormErrors.none(), published != null, model);
    }

    @PostMapping("/settings/privacy/notice")
    String publish(
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String effectiveOn,
            @RequestParam(required = false) String material,
            @RequestParam(required = false) String summary,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        boolean isMaterial = "true".equals(material);
        try {
            notices.publish(body, effectiveOn, isMaterial, summary, Actors.of(request));
            return "redirect:/settings/privacy/notice?published";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(
                    new NoticeForm(body == null ? "" : body, effectiveOn, isMaterial, summary),
                    FormErrors.of(invalid, messages, locale),
                    false,
                    model);
        }
    }

    private String form(NoticeForm form, FormErrors errors, boolean published, Model model) {
        SignedInUser user = SignedInUser.require();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("published", published);
        model.addAttribute("history", notices.noticeHistory(user.tenant()));
        model.addAttribute("clientId", user.tenant().toString());
        model.addAttribute("maxBody", PrivacyNotices.MAX_BODY);
        model.addAttribute("maxSummary", PrivacyNotices.MAX_SUMMARY);
        return "privacy/notice-settings";
    }
}
