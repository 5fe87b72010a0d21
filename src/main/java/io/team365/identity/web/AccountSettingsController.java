package io.team365.identity.web;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.AccountSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Settings → Profile and Settings → Password. */
@Controller
class AccountSettingsController {

    private static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") || zone.equals("UTC"))
            .sorted()
            .toList();

    private final AccountSettings account;
    private final MessageSource messages;

    AccountSettingsController(AccountSettings account, MessageSource messages) {
        this.account = account;
        this.messages = messages;
    }

    @GetMapping("/settings")
    String settings() {
        return "redirect:/settings/profile";
    }

    @GetMapping("/settings/profile")
    String profile(@RequestParam(required = false) String saved, Model model) {
        AccountSettings.Profile profile = account.profile(SignedInUser.require());
        return profileForm(profile, FormErrors.none(), saved != null, model);
    }

    @PostMapping("/settings/profile")
    String saveProfile(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String timeZone,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        SignedInUser user = SignedInUser.require();
        try {
            String saved = account.updateProfile(user, name, timeZone);
            SignedInSessions.replace(user.withName(saved), request, response);
            return "redirect:/settings/profile?saved";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            var entered = new AccountSettings.Profile(name, user.email(), timeZone);
            return profileForm(entered, FormErrors.of(invalid, messages, locale), false, model);
        }
    }

    @GetMapping("/settings/password")
    String password(@RequestParam(required = false) String saved, Model model) {
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("saved", saved != null);
        return "settings/password";
    }

    @PostMapping("/settings/password")
    String changePassword(
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            HttpSession session = request.getSession(false);
            account.changePassword(
                    SignedInUser.require(),
                    currentPassword,
                    newPassword,
                    session == null ? null : session.getId(),
                    Actors.of(request));
            request.changeSessionId();
            return "redirect:/settings/password?saved";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", FormErrors.of(invalid, messages, locale));
            model.addAttribute("saved", false);
            return "settings/password";
        }
    }

    private static String profileForm(AccountSettings.Profile profile, FormErrors errors, boolean saved, Model model) {
        model.addAttribute("profile", profile);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        model.addAttribute("zones", TIME_ZONES);
        return "settings/profile";
    }
}
