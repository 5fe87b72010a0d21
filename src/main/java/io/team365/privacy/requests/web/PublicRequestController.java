package io.team365.privacy.requests.web;

import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.TenantId;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.privacy.requests.RequestExecution;
import io.team365.privacy.requests.Throttled;
import io.team365.privacy.requests.VisitorRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public form a visitor uses to exercise their rights with a Client, the emailed-code step, and the status page
 * behind their unguessable link. Every failure is said plainly and changes nothing.
 */
@Controller
class PublicRequestController {

    private final VisitorRequests visitors;
    private final MessageSource messages;

    PublicRequestController(VisitorRequests visitors, MessageSource messages) {
        this.visitors = visitors;
        this.messages = messages;
    }

    @GetMapping("/privacy/request/{clientId}")
    String form(@PathVariable String clientId, HttpServletResponse response, Model model) {
        Optional<TenantId> tenant = tenant(clientId);
        Optional<String> client = tenant.flatMap(visitors::clientName);
        if (client.isEmpty()) {
            return problem(response, model, HttpStatus.NOT_FOUND, "requests.public.unknown-client");
        }
        return form(model, clientId, client.get(), "", "", "", FormErrors.none(), null);
    }

    @PostMapping("/privacy/request/{clientId}")
    String submit(
            @PathVariable String clientId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String details,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        Optional<TenantId> tenant = tenant(clientId);
        Optional<String> client = tenant.flatMap(visitors::clientName);
        if (client.isEmpty()) {
            return problem(response, model, HttpStatus.NOT_FOUND, "requests.public.unknown-client");
        }
        try {
            UUID id = visitors.submit(tenant.get(), type, email, details, Actors.of(request));
            return confirmForm(model, clientId, client.get(), id.toString(), null);
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(
                    model,
                    clientId,
                    client.get(),
                    type,
                    email,
                    details,
                    FormErrors.of(invalid, messages, locale),
                    null);
        } catch (Throttled throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
            return form(model, clientId, client.get(), type, email, details, FormErrors.none(), minutes(throttled));
        } catch (NotFound gone) {
            return problem(response, model, HttpStatus.NOT_FOUND, "requests.public.unknown-client");
        }
    }

    @PostMapping("/privacy/request/{clientId}/confirm")
    String confirm(
            @PathVariable String clientId,
            @RequestParam(required = false) String requestId,
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<TenantId> tenant = tenant(clientId);
        Optional<String> client = tenant.flatMap(visitors::clientName);
        if (client.isEmpty()) {
            return problem(response, model, HttpStatus.NOT_FOUND, "requests.public.unknown-client");
        }
        VisitorRequests.Confirmation confirmation;
        try {
            confirmation = visitors.confirm(tenant.get(), requestId, code, Actors.of(request));
        } catch (Throttled throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
            model.addAttribute("minutes", minutes(throttled));
            return confirmForm(model, clientId, client.get(), safeId(requestId), "requests.public.throttled");
        }
        switch (confirmation.result()) {
            case CONFIRMED -> {
                model.addAttribute("clientName", client.get());
                model.addAttribute("statusPath", "/privacy/request/status/" + confirmation.token());
                model.addAttribute("dueAt", confirmation.dueAt());
                return "privacy/public-confirmed";
            }
            case WRONG -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("attemptsLeft", confirmation.attemptsLeft());
                return confirmForm(model, clientId, client.get(), safeId(requestId), "requests.public.wrong-code");
            }
            case EXPIRED -> {
                return problem(response, model, HttpStatus.GONE, "requests.public.code-expired", clientId);
            }
            case LOCKED -> {
                return problem(response, model, HttpStatus.GONE, "requests.public.code-locked", clientId);
            }
            default -> {
                return problem(response, model, HttpStatus.NOT_FOUND, "requests.public.unknown-request", clientId);
            }
        }
    }

    @GetMapping("/privacy/request/status/{token}")
    String status(@PathVariable String token, HttpServletResponse response, Model model) {
        Optional<VisitorRequests.Status> status = visitors.status(token);
        if (status.isEmpty()) {
            return problem(response, model, HttpStatus.NOT_FOUND, "requests.public.unknown-status");
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("status", status.get());
        model.addAttribute("token", token);
        return "privacy/public-status";
    }

    @GetMapping("/privacy/request/status/{token}/package")
    ResponseEntity<byte[]> download(@PathVariable String token, HttpServletRequest request) {
        return visitors.packageFor(token, Actors.of(request))
                .map(zip -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/zip"))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"my-data.zip\"")
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(zip))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.TEXT_PLAIN)
                        .body(messages.getMessage("requests.public.no-package", null, Locale.ENGLISH)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private String form(
            Model model,
            String clientId,
            String clientName,
            String type,
            String email,
            String details,
            FormErrors errors,
            Long throttledMinutes) {
        model.addAttribute("clientId", clientId);
        model.addAttribute("clientName", clientName);
        model.addAttribute("type", type == null ? "" : type);
        model.addAttribute("email", email == null ? "" : email);
        model.addAttribute("details", details == null ? "" : details);
        model.addAttribute("errors", errors);
        model.addAttribute("throttledMinutes", throttledMinutes);
        model.addAttribute("packageDays", RequestExecution.PACKAGE_LIFETIME.toDays());
        return "privacy/public-form";
    }

    private String confirmForm(Model model, String clientId, String clientName, String requestId, String problem) {
        model.addAttribute("clientId", clientId);
        model.addAttribute("clientName", clientName);
        model.addAttribute("requestId", requestId);
        model.addAttribute("problem", problem);
        model.addAttribute("attemptsLeft", model.getAttribute("attemptsLeft"));
        model.addAttribute("minutes", model.getAttribute("minutes"));
        return "privacy/public-confirm";
    }

    private static String problem(
            HttpServletResponse response, Model model, HttpStatus status, String key, String... retryClient) {
        response.setStatus(status.value());
        model.addAttribute("messageKey", key);
        model.addAttribute("retryPath", retryClient.length == 0 ? null : "/privacy/request/" + retryClient[0]);
        return "privacy/public-problem";
    }

    private static Optional<TenantId> tenant(String clientId) {
        try {
            return Optional.of(new TenantId(UUID.fromString(clientId)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String safeId(String requestId) {
        try {
            return UUID.fromString(requestId == null ? "" : requestId.strip()).toString();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static long minutes(Throttled throttled) {
        return Math.max(1, (throttled.retryAfterSeconds() + 59) / 60);
    }
}
