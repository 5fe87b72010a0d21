package io.team365.shell.web;

import io.team365.activities.Activity;
import io.team365.activities.ActivityManagement;
import io.team365.contacts.ContactManagement;
import io.team365.contacts.WeekCount;
import io.team365.core.Money;
import io.team365.core.web.PageContext;
import io.team365.deals.DealManagement;
import io.team365.deals.Pipeline;
import io.team365.deals.PipelineManagement;
import io.team365.deals.StageTotal;
import io.team365.deals.WonLost;
import io.team365.identity.SignedInUser;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The landing page, and the home dashboard: contacts, the open pipeline, deals won and lost, what is due today. */
@Controller
class ShellController {

    private static final int ACTIVITIES_SHOWN = 10;

    private final ContactManagement contacts;
    private final DealManagement deals;
    private final PipelineManagement pipelines;
    private final ActivityManagement activities;

    ShellController(
            ContactManagement contacts,
            DealManagement deals,
            PipelineManagement pipelines,
            ActivityManagement activities) {
        this.contacts = contacts;
        this.deals = deals;
        this.pipelines = pipelines;
        this.activities = activities;
    }

    @GetMapping("/")
    String landing() {
        return SignedInUser.current().isPresent() ? "redirect:/app" : "shell/landing";
    }

    @GetMapping("/app")
    String home(@ModelAttribute("page") PageContext page, Model model) {
        List<WeekCount> weeks = contacts.newPerWeek(12);
        model.addAttribute("user", SignedInUser.require());
        model.addAttribute("contactCount", contacts.count());
        model.addAttribute("newThisWeek", weeks.isEmpty() ? 0 : weeks.getLast().count());
        model.addAttribute("weeks", weeks);

        Pipeline pipeline = pipelines.defaultPipeline();
        List<StageTotal> stages = deals.openValueByStage(pipeline.id());
        String currency = mainCurrency(stages);
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("stages", stages);
        model.addAttribute(
                "openDeals", stages.stream().mapToInt(StageTotal::count).sum());
        model.addAttribute("currency", currency);
        model.addAttribute("openValue", sum(stages, currency));
        WonLost month = deals.wonAndLostThisMonth();
        model.addAttribute("month", month);

        ZoneId zone = page.viewer() == null || page.viewer().zone() == null
                ? ZoneOffset.UTC
                : page.viewer().zone();
        List<Activity> due = activities.dueToday(zone);
        model.addAttribute("dueToday", due.stream().limit(ACTIVITIES_SHOWN).toList());
        model.addAttribute("dueTodayCount", due.size());
        model.addAttribute("overdueCount", activities.overdueCount());
        return "shell/home";
    }

    /** The currency most of the open pipeline is in: the chart shows that one; the table shows every currency. */
    private static String mainCurrency(List<StageTotal> stages) {
        Map<String, BigDecimal> byCurrency = stages.stream()
                .flatMap(stage -> stage.totals().stream())
                .collect(Collectors.toMap(Money::currency, Money::amount, BigDecimal::add));
        return byCurrency.entrySet().stream()
                .max(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private static BigDecimal sum(List<StageTotal> stages, String currency) {
        return stages.stream()
                .flatMap(stage -> stage.totals().stream())
                .filter(money -> money.currency().equals(currency))
                .map(Money::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
