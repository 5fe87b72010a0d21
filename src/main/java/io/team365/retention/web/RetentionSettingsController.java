package io.team365.retention.web;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.retention.RetentionManagement;
import io.team365.retention.RetentionPreview;
import io.team365.retention.RetentionRule;
import io.team365.retention.RetentionRun;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings → Retention, for admins: each rule with its period (a number and a unit) and whether it runs, how many
 * items a run now would touch, "run now" and the reports of past runs.
 */
@Controller
class RetentionSettingsController {

    private static final List<String> UNITS = List.of("days", "months", "years");

    private final RetentionManagement retention;
    private final MessageSource messages;

    RetentionSettingsController(RetentionManagement retention, MessageSource messages) {
        this.retention = retention;
        this.messages = messages;
    }

    @GetMapping("/settings/retention")
    String page(@RequestParam(required = false) String done, @RequestParam(required = false) UUID run, Model model) {
        return render(model, FormErrors.none(), null, done, run);
    }

    @PostMapping("/settings/retention/rules/{key}")
    String change(
            @PathVariable String key,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String enabled,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            String period = period(amount, unit);
            retention.change(key, period == null ? "invalid" : period, enabled != null, Actors.of(request));
            return "redirect:/settings/retention?done=saved";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, FormErrors.of(invalid, messages, locale), key, null, null);
        }
    }

    @PostMapping("/settings/retention/runs")
    String run(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        try {
            RetentionRun run = retention.runNow(Actors.of(request));
            return "redirect:/settings/retention?done=ran&run=" + run.id();
        } catch (Conflict busy) {
            // htmx swaps only successful responses; its request still shows the reason in place
            boolean htmx = "true".equals(request.getHeader("HX-Request"));
            response.setStatus(htmx ? HttpStatus.OK.value() : HttpStatus.CONFLICT.value());
            String reason = messages.getMessage(busy.messageKey(), null, locale);
            return render(model, FormErrors.single("run", reason), null, null, null);
        }
    }

    private String render(Model model, FormErrors errors, String failedKey, String done, UUID highlighted) {
        RetentionPreview preview = retention.preview();
        Map<String, Long> counts = preview.rules().stream()
                .collect(Collectors.toMap(RetentionPreview.Item::key, RetentionPreview.Item::count));
        List<RetentionRuleView> rules = retention.rules().stream()
                .map(rule -> view(rule, counts.getOrDefault(rule.key(), 0L)))
                .toList();
        List<RetentionRun> runs = retention.runs(20);
        model.addAttribute("rules", rules);
        model.addAttribute("runs", runs);
        model.addAttribute("errors", errors);
        model.addAttribute("failedKey", failedKey);
        model.addAttribute("done", "saved".equals(done) || "ran".equals(done) ? done : null);
        model.addAttribute(
                "lastRun",
                highlighted == null
                        ? null
                        : runs.stream()
                                .filter(r -> r.id().equals(highlighted))
                                .findFirst()
                                .orElse(null));
        model.addAttribute("units", UNITS);
        return "retention/settings";
    }

    /** "18" "months" → P18M; null when the amount is not a whole number from 1 to 3650 or the unit is unknown. */
    static String period(String amount, String unit) {
        if (amount == null || !amount.strip().matches("[0-9]{1,4}") || !UNITS.contains(unit)) {
            return null;
        }
        int value = Integer.parseInt(amount.strip());
        if (value < 1 || value > 3650) {
            return null;
        }
        return switch (unit) {
            case "days" -> Period.ofDays(value).toString();
            case "months" -> Period.ofMonths(value).toString();
            default -> Period.ofYears(value).toString();
        };
    }

    private static RetentionRuleView view(RetentionRule rule, long count) {
        Period period = Period.parse(rule.period());
        if (period.getDays() == 0 && period.toTotalMonths() % 12 == 0) {
            return new RetentionRuleView(rule, period.getYears(), "years", count);
        }
        if (period.getDays() == 0) {
            return new RetentionRuleView(rule, period.toTotalMonths(), "months", count);
        }
        long days = period.toTotalMonths() * 30 + period.getDays();
        return new RetentionRuleView(rule, days, "days", count);
    }
}
