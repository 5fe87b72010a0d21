package io.team365.privacy.web;

import io.team365.core.InvalidInput;
import io.team365.privacy.internal.PreferenceCentre;
import io.team365.privacy.internal.PreferenceTokens;
import io.team365.privacy.internal.SubjectEvidence;
import io.team365.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public preference centre ({@code /preferences/{token}}) and unsubscribe ({@code /unsubscribe/{token}}) pages.
 * A GET never unsubscribes (mail scanners fetch links); the one-click POST of RFC 8058 does, without cookies. With
 * {@code Sec-GPC: 1} or {@code DNT: 1}, the subject's objection to sharing and tracking is recorded.
 */
@Controller
class PreferenceCentreController {

    private final PreferenceTokens tokens;
    private final PreferenceCentre centre;
    private final SubjectEvidence evidence;

    PreferenceCentreController(PreferenceTokens tokens, PreferenceCentre centre, SubjectEvidence evidence) {
        this.tokens = tokens;
        this.centre = centre;
        this.evidence = evidence;
    }

    @GetMapping("/preferences/{token}")
    String show(
            @PathVariable String token,
            @RequestParam(required = false) String saved,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return withLink(
                token,
                response,
                model,
                holder -> TenantContext.callAs(holder.tenant(), null, () -> {
                    String signal = signal(request);
                    if (signal != null) {
                        centre.applySignal(
                                holder.tenant(), holder.contactId(), signal, evidence.of(request, "/preferences"));
                    }
                    return page(holder, token, saved != null, signal, null, response, model);
                }));
    }

    @PostMapping("/preferences/{token}")
    String change(
            @PathVariable String token,
            @RequestParam(name = "shown", required = false) List<String> shown,
            @RequestParam(name = "granted", required = false) List<String> granted,
            @RequestParam(required = false) String action,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return withLink(
                token,
                response,
                model,
                holder -> TenantContext.callAs(holder.tenant(), null, () -> {
                    Map<String, Boolean> choices = new LinkedHashMap<>();
                    List<String> ticked = granted == null ? List.of() : granted;
                    (shown == null ? List.<String>of() : shown).forEach(key -> choices.put(key, ticked.contains(key)));
                    ticked.forEach(key -> choices.putIfAbsent(key, true));
                    try {
                        int written = centre.submit(
                                holder.tenant(),
                                holder.contactId(),
                                signal(request),
                                choices,
                                "unsubscribe-all".equals(action),
                                evidence.of(request, "/preferences"));
                        if (written < 0) {
                            return gone(response, model);
                        }
                    } catch (InvalidInput invalid) {
                        response.setStatus(HttpStatus.BAD_REQUEST.value());
                        return page(
                                holder, token, false, signal(request), "preferences.unknown-purpose", response, model);
                    }
                    response.setHeader("Cache-Control", "no-store");
                    return "redirect:/preferences/" + token + "?saved";
                }));
    }

    @GetMapping("/unsubscribe/{token}")
    String confirm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        return withLink(
                token,
                response,
                model,
                holder -> TenantContext.callAs(holder.tenant(), null, () -> {
                    if (!centre.exists(holder.contactId())) {
                        return gone(response, model);
                    }
                    String signal = signal(request);
                    if (signal != null) {
                        centre.applySignal(
                                holder.tenant(), holder.contactId(), signal, evidence.of(request, "/unsubscribe"));
                    }
                    response.setHeader("Cache-Control", "no-store");
                    model.addAttribute("token", token);
                    model.addAttribute("done", false);
                    return "privacy/unsubscribe";
                }));
    }

    /** RFC 8058 one-click: mail providers post {@code List-Unsubscribe=One-Click}; the page's button posts the same. */
    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(
            @PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        return withLink(
                token,
                response,
                model,
                holder -> TenantContext.callAs(holder.tenant(), null, () -> {
                    if (!centre.exists(holder.contactId())) {
                        return gone(response, model);
                    }
                    Map<String, Object> proof = evidence.of(request, "/unsubscribe");
                    String signal = signal(request);
                    if (signal != null) {
                        centre.applySignal(holder.tenant(), holder.contactId(), signal, proof);
                    }
                    centre.unsubscribeAll(holder.tenant(), holder.contactId(), "one-click-unsubscribe", proof);
                    response.setHeader("Cache-Control", "no-store");
                    model.addAttribute("token", token);
                    model.addAttribute("done", true);
                    return "privacy/unsubscribe";
                }));
    }

    private String page(
            PreferenceTokens.Holder holder,
            String token,
            boolean saved,
            String signal,
            String error,
            HttpServletResponse response,
            Model model) {
        var states = centre.view(holder.tenant(), holder.contactId());
        if (states.isEmpty()) {
            return gone(response, model);
        }
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("token", token);
        model.addAttribute("states", states.get());
        model.addAttribute("saved", saved);
        model.addAttribute("signal", signal);
        model.addAttribute("error", error);
        return "privacy/preferences";
    }

    private interface LinkWork {
        String run(PreferenceTokens.Holder holder);
    }

    private String withLink(String token, HttpServletResponse response, Model model, LinkWork work) {
        PreferenceTokens.Holder holder;
        try {
            holder = tokens.read(token);
        } catch (PreferenceTokens.Refused refused) {
            if (refused.expired()) {
                return gone(response, model);
            }
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", "invalid");
            return "privacy/link-problem";
        }
        return work.run(holder);
    }

    private static String gone(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("problem", "expired");
        return "privacy/link-problem";
    }

    /** Which privacy signal the browser sends, as recorded in evidence; null for none. */
    static String signal(HttpServletRequest request) {
        boolean gpc = "1".equals(strip(request.getHeader("Sec-GPC")));
        boolean dnt = "1".equals(strip(request.getHeader("DNT")));
        if (gpc && dnt) {
            return "Sec-GPC: 1, DNT: 1";
        }
        return gpc ? "Sec-GPC: 1" : dnt ? "DNT: 1" : null;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
