package io.team365.retention.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.web.ListPage;
import io.team365.identity.Actors;
import io.team365.retention.RetentionManagement;
import io.team365.retention.RetentionPreview;
import io.team365.retention.RetentionRule;
import io.team365.retention.RetentionRun;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Retention rules, preview and runs of the caller's Client; admins only (SecurityConfiguration). */
@RestController
@Tag(name = "Privacy")
class RetentionApiController {

    /** {@code {"period": "P18M", "enabled": true}}, either or both. */
    record RuleChange(String period, Boolean enabled) {}

    private final RetentionManagement retention;

    RetentionApiController(RetentionManagement retention) {
        this.retention = retention;
    }

    @GetMapping("/api/v1/retention/rules")
    @Operation(summary = "The Client's retention rules, with each target's default, minimum and maximum period")
    ListPage<RetentionRule> rules() {
        return ListPage.complete(retention.rules());
    }

    @PatchMapping("/api/v1/retention/rules/{key}")
    @Operation(summary = "Change a rule's period (ISO-8601, within its bounds) or switch it off where allowed")
    RetentionRule change(@PathVariable String key, @RequestBody RuleChange change, HttpServletRequest request) {
        return retention.change(key, change.period(), change.enabled(), Actors.of(request));
    }

    @GetMapping("/api/v1/retention/preview")
    @Operation(summary = "How many items each rule would delete or anonymise if it ran now")
    RetentionPreview preview() {
        return retention.preview();
    }

    @PostMapping("/api/v1/retention/runs")
    @Operation(summary = "Run the Client's rules now; answers with the run's report")
    ResponseEntity<RetentionRun> run(HttpServletRequest request) {
        RetentionRun run = retention.runNow(Actors.of(request));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/retention/runs"))
                .body(run);
    }

    @GetMapping("/api/v1/retention/runs")
    @Operation(summary = "The newest runs first (nightly and manual), each with what every rule did")
    ListPage<RetentionRun> runs(@RequestParam(defaultValue = "20") int limit) {
        return ListPage.complete(retention.runs(limit));
    }
}
